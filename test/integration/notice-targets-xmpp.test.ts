import { lookup } from 'node:dns/promises'
import { rmSync } from 'node:fs'
import { hostname } from 'node:os'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ConnectorError } from '../../src/main/core/connectors/connector-error'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import type { NoticeTargetInput } from '../../src/shared/model/notices'
import { openInbox, startProsody, type Prosody, type XmppInbox } from '../support/notice-prosody'
import { outgoing, openTargetsPart, type TargetsPartHarness } from '../support/notice-targets-part'
import { tempDataDir } from '../support/test-core'

let prosody: Prosody
let inbox: XmppInbox
let dir: string
let harness: TargetsPartHarness
const now = Date.parse('2026-11-23T09:00:00+09:00')
const never = new AbortController().signal
/** This machine's own name, when it resolves to a loopback address: a server reached by a name, not as loopback. */
const ownName = hostname()
const ownNameIsLocal = await lookup(ownName).then(
  (found) => found.address.startsWith('127.'),
  () => false,
)

beforeAll(async () => {
  prosody = await startProsody()
  prosody.register('renkei', 'renkei-xmpp-pw')
  prosody.register('takahashi', 'takahashi-pw')
})
afterAll(async () => {
  await prosody.stop()
})
beforeEach(async () => {
  dir = tempDataDir('renkei-notice-xmpp-')
  harness = openTargetsPart(dir, { secrets: new MemorySecretStore(), now: () => now })
  inbox = await openInbox(prosody, 'takahashi', 'takahashi-pw')
})
afterEach(async () => {
  await inbox.stop()
  await harness.close()
  rmSync(dir, { recursive: true, force: true })
})

const target = (service = prosody.service): NoticeTargetInput => ({
  id: 'chat',
  name: '社内チャット',
  kind: 'xmpp',
  recipient: '{login}@localhost',
  xmpp: { service, domain: prosody.domain, username: 'renkei' },
})

async function save(password: string, service?: string) {
  const saved = await harness.part.handlers['notice.targets.save']({
    target: target(service) as never,
    secrets: { password },
  })
  return harness.part.directory.senderFor(saved.target)
}

const signIns = (): number =>
  prosody
    .log()
    .split('\n')
    .filter((line) => /Authenticated as renkei@localhost/.test(line)).length

describe('XMPP targets against Debian prosody, read by a real @xmpp/client as the recipient', () => {
  it("delivers a chat message with the subject line first, from Renkei's account", async () => {
    const sender = await save('renkei-xmpp-pw')
    await sender.send(outgoing('takahashi@localhost'), never)
    const [message] = await inbox.waitFor(1)
    const expected = outgoing('x')
    expect(message!.from).toMatch(/^renkei@localhost\//)
    expect(message!.body).toBe(`${expected.subject}\n${expected.text}`)
  })

  it('keeps one signed-in session for several messages and signs in again after the server restarts', async () => {
    const before = signIns()
    const sender = await save('renkei-xmpp-pw')
    await sender.send(outgoing('takahashi@localhost', { subject: '1' }), never)
    await sender.send(outgoing('takahashi@localhost', { subject: '2' }), never)
    await sender.send(outgoing('takahashi@localhost', { subject: '3' }), never)
    await inbox.waitFor(3)
    expect(signIns() - before).toBe(1)

    await inbox.stop()
    await prosody.restart()
    inbox = await openInbox(prosody, 'takahashi', 'takahashi-pw')
    await sender.send(outgoing('takahashi@localhost', { subject: 'after restart' }), never)
    const messages = await inbox.waitFor(1)
    expect(messages.map((m) => m.body.split('\n')[0])).toEqual(['after restart'])
  })

  it('a wrong password is an auth error in Japanese and English, the password cut from it', async () => {
    const sender = await save('wrong-xmpp-password')
    const failure = (await sender
      .send(outgoing('takahashi@localhost'), never)
      .catch((e: unknown) => e)) as ConnectorError
    expect(failure).toBeInstanceOf(ConnectorError)
    expect(failure.kind).toBe('auth')
    expect(failure.localized.ja).toContain('サインインを拒否しました')
    expect(failure.localized.en).toContain('refused the sign-in of renkei@localhost')
    expect(JSON.stringify([failure.localized, failure.serverAnswer])).not.toContain('wrong-xmpp-password')
  })

  it('a closed part sends nothing more (transient: the queue keeps the message)', async () => {
    const sender = await save('renkei-xmpp-pw')
    await sender.send(outgoing('takahashi@localhost'), never)
    await harness.part.close()
    const failure = (await sender
      .send(outgoing('takahashi@localhost'), never)
      .catch((e: unknown) => e)) as ConnectorError
    expect(failure.kind).toBe('transient')
  })

  it('the test send reaches the typed address with the fixed sample', async () => {
    await save('renkei-xmpp-pw')
    const result = await harness.part.handlers['notice.targets.test']({
      id: 'chat',
      address: 'takahashi@localhost',
    })
    expect(result).toMatchObject({ ok: true, address: 'takahashi@localhost' })
    const [message] = await inbox.waitFor(1)
    expect(message!.body).toContain('Renkei テスト通知')
    expect(message!.body).toContain('Renkei test notice')
    const refused = await harness.part.handlers['notice.targets.test']({
      id: 'chat',
      address: 'takahashi',
    }).catch((e: unknown) => e)
    expect((refused as { localized: { en: string } }).localized.en).toBe(
      '"takahashi" is not an XMPP address (user@domain)',
    )
  })

  it.skipIf(!ownNameIsLocal)(
    `refuses to sign in without TLS to a server named "${ownName}" (not loopback by name), before the password leaves`,
    async () => {
      const before = prosody.log()
      const port = new URL(prosody.service).port
      const sender = await save('renkei-xmpp-pw', `xmpp://${ownName}:${port}`)
      const failure = (await sender
        .send(outgoing('takahashi@localhost'), never)
        .catch((e: unknown) => e)) as ConnectorError
      expect(failure).toBeInstanceOf(ConnectorError)
      expect(failure.kind).toBe('permanent')
      expect(failure.localized.ja).toContain('暗号化（TLS）を提供していません')
      expect(failure.localized.en).toContain('does not send a password unencrypted')
      expect(prosody.log().slice(before.length)).not.toMatch(/Authenticated as renkei/)
      expect(inbox.messages).toEqual([])
    },
  )
})
