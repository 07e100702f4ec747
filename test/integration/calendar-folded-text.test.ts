import { rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createCalDavConnector } from '../../src/main/core/connectors/caldav/caldav-connector'
import type { Core } from '../../src/main/core/core-types'
import { TestClock } from '../../src/main/core/scheduler/test-clock'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import { calendarSecretName, type CalendarPairConfig } from '../../src/shared/model/calendar-config'
import { startIcsFeedServer, type IcsFeedServer } from '../support/ics-feed-server'
import { listCalendarObjects } from '../support/independent-caldav'
import { startRadicale, type Radicale } from '../support/radicale'
import { openTestCore, tempDataDir } from '../support/test-core'

/**
 * Issue 9 item 9: Japanese groupware folds at 75 octets wherever that falls, often inside a character.
 * The feed server sends such bytes; python3-caldav reads back what reached Radicale.
 */
const user = 'alice'
const texts = {
  SUMMARY: '夏時間切替をまたぐ定例会議（本社・大阪支社・福岡営業所合同、議事録担当は総務部）',
  LOCATION: '東京都千代田区丸の内一丁目　第二会議室（十二階）＼エレベーター右手',
  DESCRIPTION:
    '議題：一、予算の見直し。二、夏季休暇の調整。三、その他連絡事項（資料は前日までに共有フォルダへ）',
}

/** Folds one content line every 75 octets, cutting through multi-byte characters as such exporters do. */
function foldOctets(line: string): Buffer {
  const bytes = Buffer.from(line, 'utf8')
  const parts: Buffer[] = []
  for (let at = 0; at < bytes.length; at += at === 0 ? 75 : 74) {
    parts.push(bytes.subarray(at, at === 0 ? 75 : at + 74))
  }
  return Buffer.concat(parts.flatMap((part, i) => (i === 0 ? [part] : [Buffer.from('\r\n '), part])))
}

function foldedFeed(): { bytes: Buffer; splitCharacters: number } {
  const plain = (line: string): Buffer => Buffer.from(`${line}\r\n`)
  const folded = Object.entries(texts).map(([name, value]) =>
    Buffer.concat([foldOctets(`${name}:${value}`), Buffer.from('\r\n')]),
  )
  const bytes = Buffer.concat([
    ...['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Groupware//JA', 'BEGIN:VEVENT'].map(plain),
    ...['UID:folded-1@groupware.example.jp', 'DTSTAMP:20261101T000000Z'].map(plain),
    ...['DTSTART:20261203T010000Z', 'DTEND:20261203T020000Z'].map(plain),
    ...folded,
    ...['END:VEVENT', 'END:VCALENDAR'].map(plain),
  ])
  // How many folds cut a character: the next line goes on with a UTF-8 continuation byte.
  const splitCharacters = bytes
    .toString('latin1')
    .split('\r\n ')
    .slice(1)
    .filter((rest) => (rest.charCodeAt(0) & 0xc0) === 0x80).length
  return { bytes, splitCharacters }
}

/** Property values of an iCalendar text, unfolded (RFC 5545 §3.1). */
function valueOf(ics: string, name: string): string | undefined {
  const unfolded = ics.replace(/\r?\n[ \t]/g, '')
  return new RegExp(`^${name}(?:;[^:\\r\\n]*)?:(.*?)\\r?$`, 'm').exec(unfolded)?.[1]
}

let radicale: Radicale
let feeds: IcsFeedServer
let dir: string
let core: Core
let calendarUrl: string

beforeAll(async () => {
  radicale = await startRadicale()
  feeds = await startIcsFeedServer()
})
afterAll(async () => {
  await feeds.stop()
  await radicale.stop()
})
beforeEach(async () => {
  dir = tempDataDir('renkei-cal-folded-')
  const secrets = new MemorySecretStore()
  await secrets.set(calendarSecretName('u0001', 'target'), radicale.users[user]!)
  calendarUrl = await radicale.makeCalendar(user, `folded-${Date.now()}`, { timeZone: 'Asia/Tokyo' })
  const clock = new TestClock(Date.parse('2026-11-23T09:00:00+09:00'))
  core = await openTestCore(dir, { secrets, clock })
})
afterEach(async () => {
  await core.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('calendar sync: text folded inside multi-byte characters', () => {
  it('reaches the CalDAV server whole: SUMMARY, LOCATION and DESCRIPTION read back identical', async () => {
    const feed = foldedFeed()
    expect(feed.splitCharacters).toBeGreaterThanOrEqual(2)
    feeds.setFeed('/folded.ics', feed.bytes, { contentType: 'text/calendar; charset=utf-8' })
    const pair: CalendarPairConfig = {
      id: 'u0001',
      number: 1,
      name: '山田 太郎',
      employeeKey: '',
      permitted: true,
      source: { kind: 'ics', url: feeds.url('/folded.ics'), auth: 'none', username: '', maxMegabytes: 20 },
      target: { kind: 'caldav', url: calendarUrl, preset: 'generic', auth: 'basic', username: user },
      direction: 'one-way',
      conflictPolicy: 'source-wins',
    }
    await core.api['calendar.pairs.save'](pair)
    const run = await core.api['calendar.run']({ id: 'u0001' })
    expect(run).toMatchObject({ outcome: 'ok', created: 1 })
    const [stored] = await listCalendarObjects(calendarUrl, user, radicale.users[user]!)
    expect(stored!.ics).not.toContain('\uFFFD')
    for (const [name, value] of Object.entries(texts)) {
      const sent = value.replace(/[,;\\]/g, (c) => `\\${c}`)
      expect(valueOf(stored!.ics, name), name).toBe(sent)
    }
  })
})

describe('CalDAV source: calendar-data folded inside a character', () => {
  // Radicale refolds what it stores at character boundaries, so a server that does not is played here.
  it('reads the text whole (injected fault)', async () => {
    const event = Buffer.concat([
      Buffer.from('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x@example.jp\r\n'),
      foldOctets(`SUMMARY:${texts.SUMMARY}`),
      Buffer.from('\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'),
    ])
    const body = Buffer.concat([
      Buffer.from(
        '<?xml version="1.0" encoding="utf-8"?>\n<multistatus xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">' +
          '<response><href>/cal/x.ics</href><propstat><prop><getetag>"1"</getetag><C:calendar-data>',
      ),
      event,
      Buffer.from(
        '</C:calendar-data></prop><status>HTTP/1.1 200 OK</status></propstat></response></multistatus>',
      ),
    ])
    const server = createServer((request, response) => {
      request.resume()
      request.on('end', () => response.writeHead(207, { 'Content-Type': 'application/xml' }).end(body))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    try {
      const connector = createCalDavConnector(
        { url: `http://127.0.0.1:${port}/cal/` },
        { kind: 'basic', username: 'u', password: 'p' },
      )
      const [object] = await connector.fetch(
        [`http://127.0.0.1:${port}/cal/x.ics`],
        AbortSignal.timeout(5000),
      )
      expect(valueOf(object!.data, 'SUMMARY')).toBe(texts.SUMMARY)
    } finally {
      server.close()
    }
  })
})
