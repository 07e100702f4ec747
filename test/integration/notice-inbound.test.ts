/**
 * Inbound notice webhooks through a WHOLE core (127.0.4.30:443, test CA): the endpoint's listener, the
 * inbound part, and the core's own intake and event history. Needs the real intake (notice-core.ts): until
 * that part lands, ingesting answers 500 and these tests fail — they pin what the joined relay must do:
 * a signed event → 200 and one recorded event with its addressees resolved (login user1 → E000001) and the
 * unknown one reported; a replay → one event; refusals record nothing; a Mattermost post → chat.message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KeychainSecretStore } from '../../src/main/core/secrets/keychain-secret-store'
import { testEmployee, testSnapshot, writeHome } from '../support/exchange-sites'
import { skipWithoutKeychain } from '../support/keychain'
import { postSigned, postTo } from '../support/notice-inbound-client'
import { openNoticeSite, type NoticeSite } from '../support/notice-inbound-site'

const address = '127.0.4.30'
const secret = 'groupware-signing-secret-0123456789'
const token = 'mattermost-token-abcdefghijklmnop'

describe.skipIf(skipWithoutKeychain())(
  'inbound notices through the whole core over real HTTPS (gnome-keyring)',
  () => {
    const secrets = new KeychainSecretStore(`renkei-test-notice-inbound-core-${process.pid}`)
    let site: NoticeSite
    const url = (id: string) => `${site.linkUrl}renkei-notice/v1/in/${id}`
    const events = async () => (await site.core.api['notice.events.list']({})).events

    beforeAll(async () => {
      site = await openNoticeSite(
        address,
        (dir) => writeHome(dir, testSnapshot([1, 2, 3].map((n) => testEmployee(n)))),
        {
          secrets,
        },
      )
      await site.core.api['notice.sources.save']({
        source: { id: 'neo', name: 'desknet’s NEO', kind: 'events' },
        secret,
      })
      await site.core.api['notice.sources.save']({
        source: { id: 'mm', name: 'Mattermost', kind: 'slack' },
        secret: token,
      })
    }, 60_000)

    afterAll(async () => {
      await site?.close()
      for (const name of await secrets.names()) await secrets.delete(name)
    })

    it('the source list names the URL on the partner-facing listener', async () => {
      const [neo] = await site.core.api['notice.sources.list']({})
      expect(neo).toMatchObject({ secretStored: true, url: `${site.linkUrl}renkei-notice/v1/in/neo` })
    })

    it('a signed 伝言 event → 200, recorded once with addressees resolved; the same id again → still one', async () => {
      const event = {
        id: 'neo-msg-1',
        kind: 'message.created',
        addressees: ['user1', 'nobody@example.jp'],
        fields: {
          actor: '中野愛',
          requester: '○○株式会社 鈴木様',
          purpose: '折り返し電話をください',
          contact: 'XXX-XXXX',
        },
      }
      const first = await postSigned(url('neo'), site.caPem, secret, event, Date.now())
      expect(first).toMatchObject({
        status: 200,
        json: {
          accepted: true,
          eventRow: expect.any(Number),
          unknownAddressees: ['nobody@example.jp'],
          queued: 0,
        },
      })
      const again = await postSigned(url('neo'), site.caPem, secret, event, Date.now())
      expect(again).toMatchObject({ status: 200, json: { accepted: false } })
      const recorded = (await events()).filter((e) => e.source === 'neo')
      expect(recorded).toEqual([
        expect.objectContaining({
          eventId: 'neo-msg-1',
          kind: 'message.created',
          addressees: ['E000001'],
          unknownAddressees: ['nobody@example.jp'],
        }),
      ])
    })

    it('wrong secret, stale timestamp, malformed body: refused (401, 401, 400 ja/en), nothing recorded', async () => {
      const before = (await events()).length
      const event = { id: 'neo-bad', kind: 'todo.added', addressees: ['user2'], fields: {} }
      expect(
        (await postSigned(url('neo'), site.caPem, 'wrong-secret-0123456789', event, Date.now())).status,
      ).toBe(401)
      expect((await postSigned(url('neo'), site.caPem, secret, event, Date.now() - 10 * 60_000)).status).toBe(
        401,
      )
      const malformed = await postSigned(
        url('neo'),
        site.caPem,
        secret,
        { ...event, kind: 'todo.exploded' },
        Date.now(),
      )
      expect(malformed).toMatchObject({
        status: 400,
        json: { error: { ja: expect.any(String), en: expect.any(String) } },
      })
      expect((await events()).length).toBe(before)
    })

    it('a Mattermost outgoing webhook post becomes a chat.message event for the mentioned login', async () => {
      const form = new URLSearchParams({
        token,
        channel_name: 'eigyo',
        timestamp: String(Date.now()),
        user_name: 'kato',
        post_id: 'mm-post-1',
        text: '@user2 見積書を確認してください',
      }).toString()
      const answer = await postTo(url('mm'), site.caPem, form, {
        'content-type': 'application/x-www-form-urlencoded',
      })
      expect(answer).toEqual({ status: 200, json: {} })
      expect((await events()).find((e) => e.source === 'mm')).toMatchObject({
        eventId: 'mm-post-1',
        kind: 'chat.message',
        addressees: ['E000002'],
      })
    })
  },
)
