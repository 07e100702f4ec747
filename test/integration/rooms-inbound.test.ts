/**
 * The signed inbound API for community events over the real partner-facing HTTPS listener (127.0.4.33, test CA),
 * signed by the `openssl` command as a community product's admin would script it: a created community is taken
 * in once (a replay changes nothing), a wrong signature, a stale timestamp and a malformed body are refused in
 * ja/en and recorded, nothing without the secret, and GET is not accepted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { roomInboundSecret } from '../../src/shared/model/rooms'
import { KeychainSecretStore } from '../../src/main/core/secrets/keychain-secret-store'
import { testEmployee, testSnapshot, writeHome } from '../support/exchange-sites'
import { skipWithoutKeychain } from '../support/keychain'
import { postSigned, postTo } from '../support/notice-inbound-client'
import { openNoticeSite, type NoticeSite } from '../support/notice-inbound-site'

const secret = 'community-product-signing-secret-0123'
const created = {
  id: 'cm-1',
  kind: 'community.created',
  community: { code: 'proj-a', name: '新製品プロジェクト', nameEn: 'New product', creator: 'E000001' },
  members: ['E000001', 'E000002', 'nobody@example.jp'],
}

describe.skipIf(skipWithoutKeychain())('rooms inbound API on the partner listener', () => {
  const secrets = new KeychainSecretStore(`renkei-test-rooms-inbound-${process.pid}`)
  let site: NoticeSite
  let url: string
  const now = () => Date.now()

  beforeAll(async () => {
    site = await openNoticeSite(
      '127.0.4.33',
      (dir) => writeHome(dir, testSnapshot([1, 2].map((n) => testEmployee(n)))),
      { secrets },
    )
    url = `${site.linkUrl}renkei-rooms/v1/events`
    await site.core.api['rooms.settings.update']({
      enabled: true,
      target: { roomBaseUrl: 'https://rooms.example.co.jp/room/' },
    })
  })
  afterAll(async () => {
    await site?.close()
    for (const name of await secrets.names()) await secrets.delete(name)
  })

  it('answers 404 while no secret is set, and records nothing', async () => {
    const answer = await postSigned(url, site.caPem, secret, created, now())
    expect(answer.status).toBe(404)
    expect((await site.core.api['rooms.communities.list']({})).communities).toEqual([])
  })

  it('takes a signed community.created in once: its room is planned, unknown members reported', async () => {
    await site.core.api['secrets.set']({ name: roomInboundSecret, value: secret })
    const first = await postSigned(url, site.caPem, secret, created, now())
    expect(first.status).toBe(200)
    expect(first.json).toMatchObject({ accepted: true, unknown: ['nobody@example.jp'] })
    const again = await postSigned(url, site.caPem, secret, created, now())
    expect(again.json).toMatchObject({ accepted: false })
    const { communities } = await site.core.api['rooms.communities.list']({})
    expect(communities.map((c) => [c.code, c.source, c.members, c.room?.status])).toEqual([
      ['proj-a', 'inbound', 2, 'planned'],
    ])
  })

  it('refuses a wrong secret, a stale timestamp, a bad body and GET, in ja/en, and records each', async () => {
    const before = await site.core.api['rooms.communities.list']({})
    const wrong = await postSigned(
      url,
      site.caPem,
      'another-secret-0123456789',
      { ...created, id: 'cm-2' },
      now(),
    )
    expect(wrong.status).toBe(401)
    expect(wrong.json).toMatchObject({
      error: { ja: expect.stringContaining('署名'), en: expect.stringContaining('signature') },
    })
    const stale = await postSigned(url, site.caPem, secret, { ...created, id: 'cm-3' }, now() - 10 * 60_000)
    expect(stale.status).toBe(401)
    const bad = await postSigned(url, site.caPem, secret, { id: 'cm-4', kind: 'community.renamed' }, now())
    expect(bad.status).toBe(400)
    expect(bad.json).toMatchObject({ issues: expect.any(Array) })
    expect((await postTo(url, site.caPem, '', {}, 'GET')).status).toBe(405)
    expect(await site.core.api['rooms.communities.list']({})).toEqual(before)
    const lines = await site.core.api['history.search']({ filter: { category: 'rooms', level: 'warning' } })
    expect(JSON.stringify(lines)).toContain('会議室のイベントを拒否しました')
    expect(JSON.stringify(lines)).not.toContain(secret)
  })
})
