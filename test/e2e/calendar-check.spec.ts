import { expect, test } from '@playwright/test'
import { startIcsFeedServer, type IcsFeedServer } from '../support/ics-feed-server'
import { startRadicale, type Radicale } from '../support/radicale'
import { startDaemon, type E2eDaemon } from './fixtures/daemon'
import { daemonApi } from './fixtures/daemon-api'
import { CalendarPage } from './pages/calendar-page'

/** 「チェック」 against a real Radicale and a feed server: the fix names what failed; "not checked" is not ✓. */
let daemon: E2eDaemon
let radicale: Radicale
let feeds: IcsFeedServer

/** One event in UTC and no time zone of its own: there is nothing to compare the target's zone with. */
const zonelessFeed = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Test//Zoneless//EN',
  'BEGIN:VEVENT',
  'UID:zoneless-1',
  'DTSTAMP:20261120T000000Z',
  'DTSTART:20261125T010000Z',
  'DTEND:20261125T020000Z',
  'SUMMARY:会議',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n')

test.beforeAll(async () => {
  radicale = await startRadicale()
  feeds = await startIcsFeedServer()
  feeds.setFeed('/zoneless.ics', zonelessFeed)
})
test.afterAll(async () => {
  await feeds?.stop()
  await radicale?.stop()
})
test.beforeEach(async () => {
  daemon = await startDaemon()
})
test.afterEach(async () => {
  await daemon?.stop()
})

test('a feed 404 gets the feed-URL fix; time zones that cannot be compared are "not checked"', async ({
  page,
  request,
}) => {
  const call = daemonApi(daemon, request)
  const users = [
    { id: 'u0001', number: 1, name: '山田 太郎', feed: '/gone.ics' },
    { id: 'u0002', number: 2, name: '佐藤 花子', feed: '/zoneless.ics' },
  ]
  for (const user of users) {
    const targetUrl = await radicale.makeCalendar('alice', `check-${user.id}-${Date.now()}`, {
      timeZone: 'Asia/Tokyo',
    })
    await call('calendar.pairs.save', {
      id: user.id,
      number: user.number,
      name: user.name,
      source: { kind: 'ics', url: feeds.url(user.feed) },
      target: { kind: 'caldav', url: targetUrl, username: 'alice' },
    })
    await call('secrets.set', { name: `calendar.${user.id}.target`, value: radicale.users.alice! })
  }
  const calendar = new CalendarPage(page)
  await calendar.open(daemon.url)
  await calendar.openCalendar()

  await calendar.openUser('山田 太郎')
  await calendar.checkButton.click()
  const source = calendar.checkSteps.and(page.locator('[data-step="source-reachable"]'))
  await expect(source).toHaveAttribute('data-mark', 'ng')
  await expect(source.getByTestId('check-fix')).toContainText('フィードの URL を確認してください')
  await expect(source.getByTestId('check-fix')).not.toContainText('カレンダー ID')
  await calendar.checkResult.scrollIntoViewIfNeeded()
  await calendar.snapshot('calendar-check-feed-404-ja')

  await calendar.back.click()
  await calendar.openUser('佐藤 花子')
  await calendar.checkButton.click()
  await expect(calendar.checkResult).toHaveAttribute('role', 'status')
  const zone = calendar.checkSteps.and(page.locator('[data-step="time-zone"]'))
  await expect(zone).toHaveAttribute('data-mark', 'skipped')
  await expect(zone).toContainText('未確認')
  await expect(zone).toContainText('タイムゾーンを比較できません')
  await expect(calendar.checkResult.getByTestId('check-summary')).toHaveText(
    '問題は見つかりませんでした。– の項目は確認できなかった（未確認の）項目です。',
  )
  await calendar.checkResult.scrollIntoViewIfNeeded()
  await calendar.snapshot('calendar-check-not-checked-ja')
  await calendar.languageToggle.click()
  await expect(zone).toContainText('not checked')
  await expect(zone).toContainText('Time zones cannot be compared')
  await expect(calendar.checkResult.getByTestId('check-summary')).toHaveText(
    'No problem found. Steps marked – could not be checked.',
  )
  await calendar.snapshot('calendar-check-not-checked-en')
})
