/**
 * The inbound XMPP source against a real Debian Prosody started by the test: Renkei signs in to its own
 * account, a real @xmpp/client user sends it chat messages, and each becomes a chat.message event at the
 * intake (a recording stand-in at its port until the core's intake lands). Also: a server that goes away and
 * comes back is signed in to again; a non-127.x server without TLS never gets the password.
 */
import { client, xml, type XmppClient } from '@xmpp/client'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import { openInboundPart, type InboundUnderTest } from '../support/notice-inbound-parts'
import { startProsody, type Prosody } from '../support/notice-prosody-inbound'

// Short, as an existing account's password may be: only signing secrets need 16+ characters.
const renkeiPassword = 'kanri-24'

describe('inbound XMPP source against Debian prosody', () => {
  let prosody: Prosody
  let inbound: InboundUnderTest
  let sender: XmppClient

  const lines = (level: string) =>
    inbound.history
      .search({ category: 'notices' }, 200)
      .entries.filter((entry) => entry.level === level)
      .map((entry) => entry.messageEn ?? '')

  const signIn = async (): Promise<XmppClient> => {
    const xmpp = client({
      service: `xmpp://127.0.0.1:${prosody.port}`,
      domain: prosody.domain,
      resource: 'phone',
      credentials: (authenticate) => authenticate({ username: 'user3', password: 'user3-password' }, 'PLAIN'),
    })
    xmpp.on('error', () => {})
    await xmpp.start()
    return xmpp
  }

  const say = (body: string, id?: string) =>
    sender.send(
      xml(
        'message',
        { type: 'chat', to: `renkei@${prosody.domain}`, ...(id ? { id } : {}) },
        xml('body', {}, body),
      ),
    )

  beforeAll(async () => {
    prosody = await startProsody()
    prosody.register('renkei', renkeiPassword)
    prosody.register('user3', 'user3-password')
    inbound = openInboundPart({ secrets: new MemorySecretStore(), now: () => Date.now() })
    const xmppAccount = {
      service: `xmpp://127.0.0.1:${prosody.port}`,
      domain: prosody.domain,
      username: 'renkei',
    }
    await inbound.part.handlers['notice.sources.save']({
      source: { id: 'chat', name: '社内チャット', kind: 'xmpp', enabled: true, xmpp: xmppAccount },
      secret: renkeiPassword,
    })
    await inbound.part.start()
    await vi.waitFor(() => expect(lines('info').some((line) => line.includes('Signed in'))).toBe(true), {
      timeout: 10_000,
    })
    sender = await signIn()
  }, 60_000)

  afterAll(async () => {
    await sender?.stop().catch(() => {})
    await inbound?.close()
    await prosody?.close()
  })

  it('a chat message that mentions @login becomes a chat.message for that login', async () => {
    await say('@user5 @user6 会議室の予約をお願いします', 'm-1')
    await vi.waitFor(() => expect(inbound.intake.taken).toHaveLength(1), { timeout: 5_000 })
    expect(inbound.intake.taken[0]).toMatchObject({
      source: 'chat',
      event: {
        id: 'user3@localhost/m-1',
        kind: 'chat.message',
        addressees: ['user5', 'user6'],
        fields: {
          actor: 'user3@localhost',
          body: '@user5 @user6 会議室の予約をお願いします',
          where: '社内チャット',
        },
      },
    })
  })

  it('a message that mentions nobody is the sender’s own notice; the same stanza id twice is one event', async () => {
    await say('15時に戻ります', 'm-2')
    await say('15時に戻ります', 'm-2')
    await say('了解です', 'm-3')
    await vi.waitFor(
      () => expect(inbound.intake.taken.map((t) => t.event.id)).toContain('user3@localhost/m-3'),
      {
        timeout: 5_000,
      },
    )
    const events = inbound.intake.taken.slice(1).map((t) => [t.event.id, t.event.addressees])
    expect(events).toEqual([
      ['user3@localhost/m-2', ['user3']],
      ['user3@localhost/m-3', ['user3']],
    ])
  })

  it('after the server restarts, Renkei signs in again and takes the next message', async () => {
    await sender.stop().catch(() => {})
    await prosody.restart()
    await vi.waitFor(() => expect(lines('warning').length).toBeGreaterThan(0), { timeout: 10_000 })
    await vi.waitFor(() => expect(lines('info').filter((l) => l.includes('Signed in'))).toHaveLength(2), {
      timeout: 15_000,
    })
    sender = await signIn()
    await say('再接続後のメッセージ', 'm-4')
    await vi.waitFor(() => expect(inbound.intake.taken.at(-1)?.event.id).toBe('user3@localhost/m-4'), {
      timeout: 5_000,
    })
  }, 30_000)

  it('a server outside 127.x that offers no TLS never gets the password', async () => {
    await inbound.part.handlers['notice.sources.save']({
      source: {
        id: 'remote',
        name: '外部チャット',
        kind: 'xmpp',
        enabled: true,
        xmpp: { service: `xmpp://localhost:${prosody.port}`, domain: prosody.domain, username: 'renkei' },
      },
      secret: renkeiPassword,
    })
    await vi.waitFor(
      () =>
        expect(lines('warning').some((l) => l.includes('外部チャット') && l.includes('no TLS'))).toBe(true),
      { timeout: 10_000 },
    )
    expect(lines('info').filter((l) => l.includes('外部チャット') && l.includes('Signed in'))).toEqual([])
  })
})
