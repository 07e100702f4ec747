import { describe, expect, it } from 'vitest'
import { chatEvent, mentionsIn } from './inbound-chat-event'
import { chatTime } from './inbound-slack'

describe('chat messages as chat.message events', () => {
  it('finds @login mentions once each, not e-mail addresses or room-wide mentions', () => {
    expect(mentionsIn('@yamada さん、@kato.m と @yamada へ。mail: x@example.jp @here @all')).toEqual([
      'yamada',
      'kato.m',
    ])
    expect(mentionsIn('@sato. お願いします')).toEqual(['sato'])
    expect(mentionsIn('宛先なし')).toEqual([])
  })

  it('addresses the fallback when nobody is mentioned, and keeps the server’s id', () => {
    const event = chatEvent({
      id: 'post-1',
      actor: 'kato',
      text: '了解です',
      where: 'eigyo',
      at: Date.UTC(2026, 11, 3, 0, 5),
      fallbackAddressee: 'eigyo',
    })
    expect(event).toMatchObject({ id: 'post-1', kind: 'chat.message', addressees: ['eigyo'] })
    expect(event.fields).toEqual({
      actor: 'kato',
      body: '了解です',
      where: 'eigyo',
      when: '2026/12/03 09:05',
    })
  })

  it('without an id, the same message gives the same event id and another message another', () => {
    const message = { id: null, actor: 'a', text: 't', where: 'w', at: 1, fallbackAddressee: 'a' }
    expect(chatEvent(message).id).toBe(chatEvent(message).id)
    expect(chatEvent({ ...message, text: 'u' }).id).not.toBe(chatEvent(message).id)
  })

  it('reads Mattermost milliseconds, Slack seconds and Rocket.Chat ISO times', () => {
    const at = Date.UTC(2026, 11, 3, 0, 5, 7)
    expect(chatTime(String(at), 0)).toBe(at)
    expect(chatTime(`${at / 1000}.000005`, 0)).toBe(at)
    expect(chatTime(new Date(at).toISOString(), 0)).toBe(at)
    expect(chatTime(undefined, 42)).toBe(42)
  })
})
