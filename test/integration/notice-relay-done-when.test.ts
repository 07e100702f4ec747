/**
 * Issue 14, "Done when", first line, through ONE whole core with its scheduler (so the queue's worker runs):
 * a schedule change made by calendar sync (ICS feed → Radicale) and an inbound signed 伝言 event (HTTPS on
 * 127.0.4.32:443, test CA) reach the opted-in addressee by e-mail (smtp-server, read back with mailparser;
 * Japanese) and by chat (Debian prosody, read by a real @xmpp/client as the recipient; English), in the seed's
 * wording from template-builtin.ts, each exactly once; an employee who did not opt in gets nothing.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { TestClock } from '../../src/main/core/scheduler/test-clock'
import { KeychainSecretStore } from '../../src/main/core/secrets/keychain-secret-store'
import { calendarSecretName } from '../../src/shared/model/calendar-config'
import { testEmployee, testSnapshot, writeHome } from '../support/exchange-sites'
import { startIcsFeedServer, type IcsFeedServer } from '../support/ics-feed-server'
import { skipWithoutKeychain } from '../support/keychain'
import { postSigned } from '../support/notice-inbound-client'
import { openNoticeSite, type NoticeSite } from '../support/notice-inbound-site'
import { openInbox, startProsody, type Prosody, type XmppInbox } from '../support/notice-prosody'
import { startRadicale, type Radicale } from '../support/radicale'
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink'

const address = '127.0.4.32'
const sourceSecret = 'groupware-signing-secret-done-when-0123'
const yamada = testEmployee(1, { login: 'yamada', nameJa: '山田 太郎', email: 'yamada@a.example.jp' })
const sato = testEmployee(2, { login: 'sato', nameJa: '佐藤 花子', email: 'sato@a.example.jp' })
const people = [yamada, sato]

/** A day a week ahead of the clock (inside any sync window), as 20261210 and as the seed writes it, 2026/12/10. */
const ahead = (now: number) => {
  const day = new Date(now + 7 * 86_400_000).toISOString().slice(0, 10)
  return { ics: day.replace(/-/g, ''), seed: day.replace(/-/g, '/') }
}
const feed = (day: string, start: string, end: string): string =>
  [
    'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//renkei test//EN\r\nBEGIN:VEVENT',
    'UID:teirei-done-when@example.jp\r\nDTSTAMP:20261120T000000Z',
    `DTSTART;TZID=Asia/Tokyo:${day}T${start}0000\r\nDTEND;TZID=Asia/Tokyo:${day}T${end}0000`,
    'SUMMARY:定例会議\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
  ].join('\r\n')

describe.skipIf(skipWithoutKeychain())('issue 14 done when, through one core', () => {
  const secrets = new KeychainSecretStore(`renkei-test-notice-done-when-${process.pid}`)
  const clock = new TestClock(Date.now())
  const day = ahead(clock.now())
  let radicale: Radicale
  let feeds: IcsFeedServer
  let sink: SmtpSink
  let prosody: Prosody
  const inboxes: Record<string, XmppInbox> = {}
  let site: NoticeSite
  const api = () => site.core.api

  /**
   * Waits until nothing is pending and `sent` messages went out, then settles for stragglers. The wall clock
   * moves on meanwhile (jump: no scheduler timer fires) so a target's rate limit lets its next message go.
   */
  async function drained(sent: number): Promise<void> {
    await vi.waitFor(
      async () => {
        clock.jump(100)
        expect((await api()['notice.queue']({})).counts).toMatchObject({ pending: 0, sent })
      },
      { timeout: 20_000, interval: 100 },
    )
    await new Promise((resolve) => setTimeout(resolve, 500))
  }

  beforeAll(async () => {
    ;[radicale, feeds, sink, prosody] = await Promise.all([
      startRadicale(),
      startIcsFeedServer(),
      startSmtpSink(),
      startProsody(),
    ])
    prosody.register('renkei', 'renkei-xmpp-pw')
    for (const person of people) {
      prosody.register(person.login, `${person.login}-pw`)
      inboxes[person.login] = await openInbox(prosody, person.login, `${person.login}-pw`)
    }
    site = await openNoticeSite(address, (dir) => writeHome(dir, testSnapshot(people)), {
      secrets,
      clock,
      startScheduler: true,
    })
    const common = { ratePerMinute: 6000 }
    await api()['notice.targets.save']({
      target: {
        ...common,
        id: 'mail',
        name: 'メール',
        kind: 'smtp',
        language: 'ja',
        recipient: '{email}',
        smtp: { host: '127.0.0.1', port: sink.port, security: 'none', from: 'renkei@a.example.jp' },
      },
    })
    await api()['notice.targets.save']({
      target: {
        ...common,
        id: 'chat',
        name: '社内チャット',
        kind: 'xmpp',
        language: 'en',
        recipient: '{login}@localhost',
        xmpp: { service: prosody.service, domain: prosody.domain, username: 'renkei' },
      },
      secrets: { password: 'renkei-xmpp-pw' },
    })
    await api()['notice.sources.save']({
      source: { id: 'neo', name: 'desknet’s NEO', kind: 'events' },
      secret: sourceSecret,
    })
    await api()['notice.optins.set']({
      scope: 'employee',
      code: yamada.key,
      kinds: ['schedule.changed', 'message.created'],
      enabled: true,
    })
    // Both have a calendar pair on the same feed; only Yamada opted in.
    feeds.setFeed('/teirei.ics', feed(day.ics, '10', '11'))
    for (const [n, person, user] of [[1, yamada, 'alice'] as const, [2, sato, 'bob'] as const]) {
      await secrets.set(calendarSecretName(`u000${n}`, 'target'), radicale.users[user]!)
      const calendarUrl = await radicale.makeCalendar(user, 'done-when', { timeZone: 'Asia/Tokyo' })
      await api()['calendar.pairs.save']({
        id: `u000${n}`,
        number: n,
        name: person.nameJa,
        employeeKey: person.key,
        source: {
          kind: 'ics',
          url: feeds.url('/teirei.ics'),
          auth: 'none',
          username: '',
          maxMegabytes: 20,
        },
        target: { kind: 'caldav', url: calendarUrl, preset: 'generic', auth: 'basic', username: user },
      })
    }
  }, 60_000)

  afterAll(async () => {
    await site?.close()
    for (const inbox of Object.values(inboxes)) await inbox.stop()
    await Promise.all([radicale?.stop(), feeds?.stop(), sink?.stop(), prosody?.stop()])
    for (const name of await secrets.names()) await secrets.delete(name)
  })

  it('a schedule moved by calendar sync: 予定を変更しました by e-mail (ja) and by XMPP (en), once', async () => {
    for (const id of ['u0001', 'u0002'])
      expect(await api()['calendar.run']({ id })).toMatchObject({ created: 1 })
    feeds.setFeed('/teirei.ics', feed(day.ics, '11', '12'))
    clock.jump(60_000)
    for (const id of ['u0001', 'u0002'])
      expect(await api()['calendar.run']({ id })).toMatchObject({ updated: 1 })
    // Both changes are events; only the opted-in Yamada's becomes messages (one per target).
    const events = (await api()['notice.events.list']({})).events
    expect(events.filter((e) => e.kind === 'schedule.changed').map((e) => e.addressees)).toEqual([
      [sato.key],
      [yamada.key],
    ])
    await drained(2)

    const when = `${day.seed} 11:00 ~ ${day.seed} 12:00`
    const oldWhen = `${day.seed} 10:00 ~ ${day.seed} 11:00`
    expect(sink.messages).toHaveLength(1)
    const [mail] = sink.messages
    expect(mail!.to).toEqual([yamada.email])
    expect(mail!.mail.subject).toBe('スケジュール: 予定が変更されました')
    expect(mail!.mail.text).toMatch(
      new RegExp(
        [
          '^下記の内容で予定を変更しました。',
          `日時: ${when}`,
          '変更日: \\d{4}/\\d{2}/\\d{2}',
          '変更者: Renkei',
          '登録先: 山田 太郎',
          '予定: 定例会議',
          '場所: ---',
          '内容: ---',
          `変更前の日時: ${oldWhen}\\s*$`,
        ].join('\\n'),
      ),
    )
    expect(inboxes['yamada']!.messages).toHaveLength(1)
    const [chat] = inboxes['yamada']!.messages
    expect(chat!.from).toMatch(/^renkei@localhost\//)
    expect(chat!.body).toMatch(
      new RegExp(
        [
          '^Schedule: an event was changed',
          'The event was changed as follows.',
          `Date/time: ${when}`,
          'Changed on: \\d{4}/\\d{2}/\\d{2}',
          'Changed by: Renkei',
          'Registered for: 山田 太郎',
          'Event: 定例会議',
          'Place: ---',
          'Details: ---',
          `Previous date/time: ${oldWhen}$`,
        ].join('\\n'),
      ),
    )
    expect(inboxes['sato']!.messages).toEqual([])
  })

  it('an inbound signed 伝言 (HTTPS): 「伝言・所在: 中野愛さんより伝言」 by e-mail (ja) and by XMPP (en), once', async () => {
    const event = {
      id: 'neo-msg-done-when',
      kind: 'message.created',
      addressees: [yamada.login, sato.email],
      fields: {
        actor: '中野愛',
        when: '2022年12月20日 火曜日 16:08',
        requester: '○○株式会社 鈴木様',
        purpose: '折り返し電話をください',
        contact: 'XXX-XXXX',
      },
    }
    const [source] = await api()['notice.sources.list']({})
    expect(source!.url).toBe(`https://${address}/renkei/renkei-notice/v1/in/neo`)
    const answer = await postSigned(source!.url!, site.caPem, sourceSecret, event, clock.now())
    expect(answer).toMatchObject({
      status: 200,
      json: { accepted: true, unknownAddressees: [], queued: 2 },
    })
    await drained(4)

    expect(sink.messages).toHaveLength(2)
    const mail = sink.messages[1]!
    expect(mail.to).toEqual([yamada.email])
    expect(mail.mail.subject).toBe('伝言・所在: 中野愛さんより伝言')
    expect(mail.mail.text?.trimEnd()).toBe(
      [
        '伝言・所在: 中野愛さんより伝言',
        '日時: 2022年12月20日 火曜日 16:08',
        '依頼主: ○○株式会社 鈴木様',
        '要件: 折り返し電話をください',
        '連絡先: XXX-XXXX',
        '内容: ---',
      ].join('\n'),
    )
    expect(inboxes['yamada']!.messages).toHaveLength(2)
    expect(inboxes['yamada']!.messages[1]!.body.trimEnd()).toBe(
      [
        'Messages: a message from 中野愛',
        'Date/time: 2022年12月20日 火曜日 16:08',
        'From: ○○株式会社 鈴木様',
        'Purpose: 折り返し電話をください',
        'Contact: XXX-XXXX',
        'Details: ---',
      ].join('\n'),
    )
    expect(inboxes['sato']!.messages).toEqual([])
    expect(sink.messages.flatMap((m) => m.to)).not.toContain(sato.email)
  })
})
