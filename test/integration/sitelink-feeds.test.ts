/**
 * Partner schedule feeds: the secret URL (an HMAC under the keychain key `sitelink.feed-key`), the feed
 * route behind it, and the iCalendar it writes — folded on bytes, busy-only events as 「予定あり」 alone —
 * read back with ical.js. The partner schedules come through the `PartnerSchedules` port the receiving
 * side implements; here they are a list in memory.
 */
import { request } from 'node:https'
import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFeedHandlers } from '../../src/main/core/engines/sitelink/feed-handlers'
import {
  createFeedRoute,
  feedRoutePath,
  type FeedDirectory,
  type PartnerSchedules,
} from '../../src/main/core/engines/sitelink/feed-route'
import { FeedTokens } from '../../src/main/core/engines/sitelink/feed-tokens'
import type { Language } from '../../src/shared/model/localized'
import type { PartnerRoute } from '../../src/main/core/engines/sitelink/sitelink-ports'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import { ApiError } from '../../src/shared/model/errors'
import { feedKeySecret, type LinkScheduleItem } from '../../src/shared/model/sitelink'
import { makePartnerCerts } from '../support/partner-certs'
import { startTestPartnerListener, type TestPartnerListener } from '../support/partner-transport'

/** This file's own loopback address for the partner endpoint (port 443). */
const endpointAddress = '127.0.10.1'

const longTitle = '全社キックオフ会議（二〇二七年度の営業方針と各部署の目標設定についての説明と質疑応答）'
const items: LinkScheduleItem[] = [
  {
    id: 'kickoff',
    employeeKey: 'B001',
    start: Date.parse('2026-12-07T00:00:00Z'),
    end: Date.parse('2026-12-07T02:00:00Z'),
    allDay: false,
    busyOnly: false,
    summary: longTitle,
    location: '本社 大会議室, 3F; 東棟',
    description: `資料は前日までに共有します。\n${'質問は事前にお送りください。'.repeat(12)}`,
  },
  {
    id: 'private/20261208T010000Z',
    employeeKey: 'B001',
    start: Date.parse('2026-12-08T01:00:00Z'),
    end: Date.parse('2026-12-08T02:00:00Z'),
    allDay: false,
    busyOnly: true,
    // A busy-only item never carries text; should one slip through, the feed must not write it.
    summary: '極秘の面談',
    location: null,
    description: null,
  },
  {
    id: 'holiday',
    employeeKey: 'B002',
    start: Date.UTC(2026, 11, 28),
    end: Date.UTC(2026, 11, 30),
    allDay: true,
    busyOnly: false,
    summary: '年末休暇',
    location: null,
    description: null,
  },
]

const directory: FeedDirectory = {
  siteName: (linkId) => (linkId === 'link-b' ? 'B社 大阪' : null),
  employees: (linkId) =>
    linkId === 'link-b'
      ? [
          { key: 'B001', name: '佐藤 花子' },
          { key: 'B002', name: '鈴木 一郎' },
        ]
      : [],
}

const schedules: PartnerSchedules = {
  itemsFor: async (linkId, key) =>
    linkId === 'link-b' ? items.filter((i) => key === null || i.employeeKey === key) : [],
}

function setup(language: Language = 'ja') {
  const secrets = new MemorySecretStore()
  const tokens = new FeedTokens(secrets)
  const route = createFeedRoute({ tokens, schedules, directory, language: () => language, now: () => 0 })
  const handlers = createFeedHandlers({ tokens, directory, linkUrl: () => 'https://renkei.a.example.jp' })
  return { secrets, tokens, route, handlers }
}

async function get(route: PartnerRoute, token: string) {
  return route.handle({
    method: 'GET',
    path: `renkei-link/v1/feeds/${token}`,
    params: { token },
    body: undefined,
    keyId: null,
    remoteAddress: '127.0.0.1',
  })
}

const tokenOf = (url: string): string => url.split('/').pop()!

function events(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  return {
    name: calendar.getFirstPropertyValue('x-wr-calname'),
    events: calendar.getAllSubcomponents('vevent'),
  }
}

describe('partner feed URLs', () => {
  it('are unsigned GET routes on the partner endpoint', () => {
    const { route } = setup()
    expect([route.method, route.path, route.auth]).toEqual(['GET', feedRoutePath, 'none'])
  })

  it('give one URL per partner employee and one for the site, under the link URL', async () => {
    const { handlers, secrets, route } = setup()
    expect(await secrets.get(feedKeySecret)).toBeNull()
    const feeds = await handlers['link.feeds']({ id: 'link-b' })
    // The key is made on first use and never appears in a URL.
    const key = await secrets.get(feedKeySecret)
    expect(key).not.toBeNull()
    expect(JSON.stringify(feeds)).not.toContain(key!)
    expect(feeds.site.url).toMatch(
      /^https:\/\/renkei\.a\.example\.jp\/renkei-link\/v1\/feeds\/[\w-]+\.[\w-]+$/,
    )
    expect(feeds.employees.map((e) => [e.employeeKey, e.name])).toEqual([
      ['B001', '佐藤 花子'],
      ['B002', '鈴木 一郎'],
    ])
    const site = await get(route, tokenOf(feeds.site.url))
    expect(site.status).toBe(200)
    expect(site.contentType).toBe('text/calendar; charset=utf-8')
    expect(events(site.text!).events).toHaveLength(3)
    expect(events(site.text!).name).toBe('B社 大阪')
    const one = await get(route, tokenOf(feeds.employees[1]!.url))
    expect(events(one.text!)).toMatchObject({ name: '鈴木 一郎 (B社 大阪)' })
    expect(events(one.text!).events).toHaveLength(1)
  })

  it('answer 404 to a wrong, altered or revoked token', async () => {
    const { handlers, secrets, route } = setup()
    const feeds = await handlers['link.feeds']({ id: 'link-b' })
    const token = tokenOf(feeds.employees[0]!.url)
    const [name, mac] = token.split('.') as [string, string]
    const otherName = tokenOf(feeds.employees[1]!.url).split('.')[0]!
    const flipped = `${mac.slice(0, -2)}${mac.endsWith('AA') ? 'AB' : 'AA'}`
    for (const wrong of [
      '',
      'x',
      `${name}.${flipped}`,
      `${otherName}.${mac}`,
      `${name}.${mac}.x`,
      `${name}`,
    ]) {
      expect((await get(route, wrong)).status, wrong).toBe(404)
    }
    expect((await get(route, token)).status).toBe(200)
    // Rotating the key (clearing it; a new one is made on next use) revokes every URL handed out.
    await secrets.delete(feedKeySecret)
    expect((await get(route, token)).status).toBe(404)
    const fresh = await handlers['link.feeds']({ id: 'link-b' })
    expect(tokenOf(fresh.employees[0]!.url)).not.toBe(token)
    expect((await get(route, token)).status).toBe(404)
    expect((await get(route, tokenOf(fresh.employees[0]!.url))).status).toBe(200)
  })

  it('refuse an unknown link, and say so when the link URL is not set', async () => {
    const { handlers, tokens, route } = setup()
    const unknown = await handlers['link.feeds']({ id: 'link-x' }).catch((e: unknown) => e)
    expect(unknown).toBeInstanceOf(ApiError)
    expect((unknown as ApiError).code).toBe('not-found')
    expect((unknown as ApiError).localized.ja).toContain('連携「link-x」はありません')
    // A token signed for a link that is gone (unlinked) opens nothing.
    expect((await get(route, await tokens.tokenFor({ linkId: 'link-x', employeeKey: null }))).status).toBe(
      404,
    )
    const noUrl = createFeedHandlers({ tokens, directory, linkUrl: () => null })
    const error = await noUrl['link.feeds']({ id: 'link-b' }).catch((e: unknown) => e)
    expect((error as ApiError).localized.en).toContain('link URL is not set')
  })
})

describe('the feed text', () => {
  it('folds long Japanese lines on bytes, never inside a character, and reads back unchanged', async () => {
    const { handlers, route } = setup()
    const feed = await get(route, tokenOf((await handlers['link.feeds']({ id: 'link-b' })).site.url))
    const bytes = Buffer.from(feed.text!, 'utf8')
    const lines: Buffer[] = []
    for (let at = 0; at < bytes.length;) {
      const end = bytes.indexOf('\r\n', at)
      lines.push(bytes.subarray(at, end))
      at = end + 2
    }
    expect(lines.some((line) => line.length > 70)).toBe(true)
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(75)
      // A line never starts with a UTF-8 continuation byte (after the fold's space).
      const first = line[0] === 0x20 ? line[1] : line[0]
      expect(first === undefined || first < 0x80 || first >= 0xc0).toBe(true)
      expect(line.toString('utf8')).not.toContain('\uFFFD')
    }
    const [kickoff] = events(feed.text!).events
    expect(kickoff!.getFirstPropertyValue('summary')).toBe(longTitle)
    expect(kickoff!.getFirstPropertyValue('location')).toBe('本社 大会議室, 3F; 東棟')
    expect(kickoff!.getFirstPropertyValue('description')).toBe(items[0]!.description)
    expect(kickoff!.getFirstPropertyValue('uid')).toBe('link-b/B001/kickoff')
    expect((kickoff!.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().getTime()).toBe(
      items[0]!.start,
    )
  })

  it('writes busy-only events as 「予定あり」 with their time and nothing else', async () => {
    for (const [language, busy] of [
      ['ja', '予定あり'],
      ['en', 'Busy'],
    ] as const) {
      const { handlers, route } = setup(language)
      const feed = await get(
        route,
        tokenOf((await handlers['link.feeds']({ id: 'link-b' })).employees[0]!.url),
      )
      expect(feed.text).not.toContain('極秘')
      const busyEvent = events(feed.text!).events[1]!
      expect(busyEvent.getFirstPropertyValue('summary')).toBe(busy)
      expect(busyEvent.getFirstProperty('location')).toBeNull()
      expect(busyEvent.getFirstProperty('description')).toBeNull()
      expect((busyEvent.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate().getTime()).toBe(items[1]!.end)
    }
  })

  it('writes all-day events as dates', async () => {
    const { handlers, route } = setup()
    const feed = await get(route, tokenOf((await handlers['link.feeds']({ id: 'link-b' })).employees[1]!.url))
    const holiday = events(feed.text!).events[0]!
    expect(holiday.getFirstProperty('dtstart')!.type).toBe('date')
    expect(String(holiday.getFirstPropertyValue('dtstart'))).toBe('2026-12-28')
    expect(String(holiday.getFirstPropertyValue('dtend'))).toBe('2026-12-30')
  })
})

describe('the feed behind the real partner endpoint (HTTPS, port 443)', () => {
  const certs = makePartnerCerts([endpointAddress])
  const { tokens, route } = setup()
  let listener: TestPartnerListener

  beforeAll(async () => {
    listener = await startTestPartnerListener({
      address: endpointAddress,
      certificate: certs.sites[0]!,
      routes: [route],
      basePath: '/renkei/',
    })
  })
  afterAll(async () => {
    await listener?.close()
  })

  /** A groupware subscribing: a plain HTTPS GET that trusts the organisation's CA, nothing signed. */
  function subscribe(url: string): Promise<{ status: number; type: string; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const req = request(url, { ca: certs.caPem }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            type: String(response.headers['content-type']),
            body: Buffer.concat(chunks),
          }),
        )
      })
      req.on('error', reject)
      req.end()
    })
  }

  it('serves the feed unsigned at its secret URL and 404 to anything else', async () => {
    const handlers = createFeedHandlers({ tokens, directory, linkUrl: () => listener.linkUrl })
    const feeds = await handlers['link.feeds']({ id: 'link-b' })
    expect(feeds.site.url.startsWith('https://127.0.10.1/renkei/renkei-link/v1/feeds/')).toBe(true)
    const feed = await subscribe(feeds.employees[0]!.url)
    expect([feed.status, feed.type]).toEqual([200, 'text/calendar; charset=utf-8'])
    const text = feed.body.toString('utf8')
    expect(events(text).events.map((e) => e.getFirstPropertyValue('summary'))).toEqual([
      longTitle,
      '予定あり',
    ])
    expect(text).not.toContain('極秘')
    const wrong = await subscribe(`${feeds.site.url.slice(0, -3)}xyz`)
    expect(wrong.status).toBe(404)
  })
})
