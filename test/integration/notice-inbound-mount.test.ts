/**
 * The inbound notice mount over the real partner-facing HTTPS listener (127.0.4.31:443, a test CA), with a
 * real HTTPS client and signatures made by `openssl` as the README tells an admin; sources' secrets in the
 * real keychain. The intake is a recording stand-in at its port (test/support/notice-inbound-parts.ts): the
 * core's own intake is another part; notice-inbound.test.ts runs the same flow through the whole core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiError } from '../../src/shared/model/errors'
import { noticeSourceSecret } from '../../src/shared/model/notices'
import { KeychainSecretStore } from '../../src/main/core/secrets/keychain-secret-store'
import { skipWithoutKeychain } from '../support/keychain'
import { makePartnerCerts } from '../support/partner-certs'
import { startTestPartnerListener, type TestPartnerListener } from '../support/partner-transport'
import { openInboundPart, type InboundUnderTest } from '../support/notice-inbound-parts'
import { postSigned, postTo } from '../support/notice-inbound-client'
import { secretsInDataDir } from '../support/secret-scan'

const address = '127.0.4.31'
const secret = 'groupware-signing-secret-0123456789'
const token = 'mattermost-token-abcdefghijklmnop'

const event = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  kind: 'message.created',
  addressees: ['user1', 'nobody@example.jp'],
  fields: { actor: '中野愛', requester: '○○株式会社 鈴木様', purpose: '折り返し電話をください' },
  ...overrides,
})

describe.skipIf(skipWithoutKeychain())('inbound notice webhooks over real HTTPS (gnome-keyring)', () => {
  const secrets = new KeychainSecretStore(`renkei-test-notice-inbound-${process.pid}`)
  let now = Date.now()
  let listener: TestPartnerListener
  let inbound: InboundUnderTest
  let caPem: string
  let url: (id: string) => string

  const warnings = () =>
    inbound.history.search({ category: 'notices' }, 200).entries.filter((entry) => entry.level !== 'info')

  beforeAll(async () => {
    const certs = makePartnerCerts([address])
    caPem = certs.caPem
    listener = await startTestPartnerListener({
      address,
      certificate: certs.sites[0]!,
      routes: [],
      basePath: '/renkei/',
    })
    inbound = openInboundPart({ secrets, now: () => now, publicBaseUrl: () => listener.linkUrl })
    listener.endpoint.setMounts([inbound.part.mount])
    url = (id) => `${listener.linkUrl}renkei-notice/v1/in/${id}`
    const save = inbound.part.handlers['notice.sources.save']
    await save({ source: { id: 'neo', name: 'desknet’s NEO', kind: 'events', enabled: true }, secret })
    await save({ source: { id: 'mm', name: 'Mattermost', kind: 'slack', enabled: true }, secret: token })
    await save({ source: { id: 'off', name: '停止中', kind: 'events', enabled: false }, secret })
  }, 60_000)

  afterAll(async () => {
    await listener?.close()
    await inbound?.close()
    for (const name of await secrets.names()) await secrets.delete(name)
  })

  it('a source without a secret is refused in both languages and nothing is stored', async () => {
    const save = inbound.part.handlers['notice.sources.save']
    const attempt = save({ source: { id: 'bare', name: '秘密鍵なし', kind: 'events', enabled: true } })
    await expect(attempt).rejects.toBeInstanceOf(ApiError)
    await expect(attempt).rejects.toMatchObject({
      code: 'invalid-input',
      localized: {
        ja: expect.stringContaining('署名用の秘密鍵を入力してください'),
        en: expect.stringContaining('signing secret'),
      },
    })
    const xmpp = save({ source: { id: 'manual', name: 'x', kind: 'xmpp', enabled: true }, secret })
    await expect(xmpp).rejects.toMatchObject({
      localized: {
        ja: expect.stringContaining('XMPP サーバーの設定'),
        en: expect.stringContaining('Renkei itself uses'),
      },
    })
    const short = save({
      source: { id: 'bare', name: '短い鍵', kind: 'events', enabled: true },
      secret: 'short-secret',
    })
    await expect(short).rejects.toMatchObject({
      localized: { ja: expect.stringContaining('16 文字以上'), en: expect.stringContaining('at least 16') },
    })
    const ids = (await inbound.part.handlers['notice.sources.list']({})).map((view) => view.source.id)
    expect(ids).toEqual(['neo', 'mm', 'off'])
    expect(await secrets.get(noticeSourceSecret('bare'))).toBeNull()
  })

  it('the list shows the URL to post to and whether a secret is stored, never the secret', async () => {
    const views = await inbound.part.handlers['notice.sources.list']({})
    expect(views[0]).toMatchObject({ secretStored: true, url: `${listener.linkUrl}renkei-notice/v1/in/neo` })
    expect(JSON.stringify(views)).not.toContain(secret)
    expect(JSON.stringify(views)).not.toContain(token)
  })

  it('a signed event is taken in once; the same id again answers accepted:false', async () => {
    const first = await postSigned(url('neo'), caPem, secret, event('msg-1'), now)
    expect(first).toMatchObject({
      status: 200,
      json: { accepted: true, unknownAddressees: ['user1', 'nobody@example.jp'] },
    })
    const again = await postSigned(url('neo'), caPem, secret, event('msg-1'), now + 1_000)
    expect(again).toMatchObject({ status: 200, json: { accepted: false } })
    expect(inbound.intake.taken.filter((t) => t.event.id === 'msg-1')).toEqual([
      {
        source: 'neo',
        event: expect.objectContaining({
          kind: 'message.created',
          fields: expect.objectContaining({ actor: '中野愛' }),
        }),
      },
    ])
    const view = (await inbound.part.handlers['notice.sources.list']({})).find((v) => v.source.id === 'neo')!
    expect(view).toMatchObject({ events24h: 1, lastEventAt: now })
  })

  it('wrong secret, stale or future timestamp, missing headers: 401, nothing taken, each one a history warning', async () => {
    const before = inbound.intake.taken.length
    const warned = warnings().length
    const wrong = await postSigned(url('neo'), caPem, 'another-secret-0123456789', event('w-1'), now)
    const stale = await postSigned(url('neo'), caPem, secret, event('w-2'), now - 5 * 60_000 - 2_000)
    const future = await postSigned(url('neo'), caPem, secret, event('w-3'), now + 5 * 60_000 + 2_000)
    const unsigned = await postTo(url('neo'), caPem, JSON.stringify(event('w-4')), {
      'content-type': 'application/json',
    })
    for (const answer of [wrong, stale, future, unsigned]) {
      expect(answer.status).toBe(401)
      expect(answer.json).toMatchObject({ error: { ja: expect.any(String), en: expect.any(String) } })
    }
    expect(stale.json).toMatchObject({ error: { en: expect.stringContaining('5 minutes') } })
    expect(inbound.intake.taken.length).toBe(before)
    const lines = warnings().slice(0, warnings().length - warned)
    expect(lines).toHaveLength(4)
    expect(JSON.stringify(lines)).not.toContain(secret)
    expect(JSON.stringify(lines)).not.toContain('中野愛')
    const view = (await inbound.part.handlers['notice.sources.list']({})).find((v) => v.source.id === 'neo')!
    expect(view.refused24h).toBe(4)
  })

  it('a replay after the window is refused although its signature is right', async () => {
    const sentAt = now
    const body = event('late-1')
    expect((await postSigned(url('neo'), caPem, secret, body, sentAt)).status).toBe(200)
    now += 6 * 60_000
    const replay = await postSigned(url('neo'), caPem, secret, event('late-2'), sentAt)
    expect(replay.status).toBe(401)
    expect(inbound.intake.taken.some((t) => t.event.id === 'late-2')).toBe(false)
  })

  it('a malformed body is 400 with ja/en and the problems; nothing taken', async () => {
    const before = inbound.intake.taken.length
    const typo = await postSigned(
      url('neo'),
      caPem,
      secret,
      event('bad-1', { fields: { pleace: '会議室' } }),
      now,
    )
    expect(typo.status).toBe(400)
    expect(typo.json).toMatchObject({
      error: { ja: expect.stringContaining('本文'), en: expect.stringContaining('body') },
      issues: expect.arrayContaining([expect.objectContaining({ path: 'fields' })]),
    })
    const noAddressee = await postSigned(url('neo'), caPem, secret, event('bad-2', { addressees: [] }), now)
    expect(noAddressee).toMatchObject({
      status: 400,
      json: { issues: [expect.objectContaining({ path: 'addressees' })] },
    })
    expect(inbound.intake.taken.length).toBe(before)
  })

  it('unknown or disabled sources are 404; GET is 405; a body over 1 MB is 413', async () => {
    expect((await postSigned(url('nosuch'), caPem, secret, event('x-1'), now)).status).toBe(404)
    expect((await postSigned(url('off'), caPem, secret, event('x-2'), now)).status).toBe(404)
    expect((await postTo(url('neo'), caPem, '', {}, 'GET')).status).toBe(405)
    const huge = JSON.stringify(event('x-3', { fields: { body: 'あ'.repeat(400_000) } }))
    const large = await postTo(url('neo'), caPem, huge, { 'content-type': 'application/json' })
    expect(large.status).toBe(413)
  })

  it('a Mattermost outgoing webhook (form body) becomes a chat.message for the people it mentions', async () => {
    const form = new URLSearchParams({
      token,
      team_domain: 'a-shoji',
      channel_name: 'eigyo',
      timestamp: String(now),
      user_name: 'kato',
      post_id: 'p9x3k1',
      text: '@user1 @user2. 見積書を確認してください (mail: kato@a.example.jp)',
    }).toString()
    const answer = await postTo(url('mm'), caPem, form, {
      'content-type': 'application/x-www-form-urlencoded',
    })
    expect(answer).toEqual({ status: 200, json: {} })
    const taken = inbound.intake.taken.at(-1)!
    expect(taken).toMatchObject({
      source: 'mm',
      event: {
        id: 'p9x3k1',
        kind: 'chat.message',
        occurredAt: now,
        addressees: ['user1', 'user2'],
        fields: { actor: 'kato', where: 'eigyo', body: expect.stringContaining('見積書') },
      },
    })
  })

  it('a Rocket.Chat outgoing webhook (JSON) without mentions goes to the channel name; a wrong token is 401', async () => {
    const message = {
      token,
      channel_name: 'soumu',
      message_id: 'rc-77',
      timestamp: new Date(now).toISOString(),
      user_name: 'suzuki',
      text: '明日の会議室を押さえました',
    }
    const ok = await postTo(url('mm'), caPem, JSON.stringify(message), { 'content-type': 'application/json' })
    expect(ok).toEqual({ status: 200, json: {} })
    expect(inbound.intake.taken.at(-1)?.event).toMatchObject({ id: 'rc-77', addressees: ['soumu'] })
    const wrong = { ...message, message_id: 'rc-78', token: 'not-the-token-0123456789' }
    const refused = await postTo(url('mm'), caPem, JSON.stringify(wrong), {
      'content-type': 'application/json',
    })
    expect(refused.status).toBe(401)
    expect(inbound.intake.taken.some((t) => t.event.id === 'rc-78')).toBe(false)
  })

  it('a source that changes kind must be given a new secret; no secret is anywhere in the data directory', async () => {
    const save = inbound.part.handlers['notice.sources.save']
    const changed = save({ source: { id: 'mm', name: 'Mattermost', kind: 'events', enabled: true } })
    await expect(changed).rejects.toMatchObject({ code: 'invalid-input' })
    const mm = (await inbound.part.handlers['notice.sources.list']({})).find((v) => v.source.id === 'mm')
    expect(mm?.source.kind).toBe('slack')
    expect(secretsInDataDir(inbound.dataDir, [secret, token])).toEqual([])
  })

  it('removing a source removes its secret and its URL answers 404', async () => {
    await inbound.part.handlers['notice.sources.remove']({ id: 'neo' })
    expect(await secrets.get(noticeSourceSecret('neo'))).toBeNull()
    expect((await postSigned(url('neo'), caPem, secret, event('after-1'), now)).status).toBe(404)
  })
})
