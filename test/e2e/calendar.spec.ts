import { expect, test, type Locator, type Page } from '@playwright/test'
import { startIcsFeedServer, type IcsFeedServer } from '../support/ics-feed-server'
import { listCalendarObjects } from '../support/independent-caldav'
import { startRadicale, type Radicale } from '../support/radicale'
import { startDaemon, type E2eDaemon } from './fixtures/daemon'
import { daemonApi, type DaemonCall } from './fixtures/daemon-api'
import { CalendarPage } from './pages/calendar-page'
import { freePort } from '../support/free-port'

/**
 * Calendar sync end to end: a real Radicale as the target, an iCalendar feed over HTTP as the source,
 * the daemon in between, driven through the Calendar screen (and, for the error storm, its API).
 */
let daemon: E2eDaemon
let radicale: Radicale
let feeds: IcsFeedServer

test.beforeAll(async () => {
  radicale = await startRadicale()
  feeds = await startIcsFeedServer()
})

test.afterAll(async () => {
  await feeds?.stop()
  await radicale?.stop()
})

// A fresh daemon per test: every test starts from an empty list.
test.beforeEach(async () => {
  daemon = await startDaemon()
})

test.afterEach(async () => {
  await daemon?.stop()
})

async function openCalendar(page: Page): Promise<CalendarPage> {
  const calendar = new CalendarPage(page)
  await calendar.open(daemon.url)
  await calendar.openCalendar()
  return calendar
}

async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 80; i++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return
    await page.keyboard.press('Tab')
  }
  throw new Error('Tab never reached the control')
}

/** A feed user whose target is a fresh Radicale calendar of alice, saved through the API. */
async function saveFeedUser(
  call: DaemonCall,
  user: { readonly id: string; readonly number: number; readonly name: string; readonly targetUrl: string },
): Promise<void> {
  await call('calendar.pairs.save', {
    id: user.id,
    number: user.number,
    name: user.name,
    source: { kind: 'ics', url: feeds.url('small') },
    target: { kind: 'caldav', url: user.targetUrl, username: 'alice' },
  })
  await call('secrets.set', { name: `calendar.${user.id}.target`, value: radicale.users.alice! })
}

test('add a user through the form, sync now, see the events and the history', async ({ page }) => {
  const calendarUrl = await radicale.makeCalendar('alice', 'form-added')
  const calendar = await openCalendar(page)
  await expect(page.getByTestId('calendar-empty')).toBeVisible()

  await calendar.addButton.click()
  await expect(calendar.userFields.getByLabel('番号', { exact: true })).toHaveValue('1')
  await expect(calendar.userFields.getByLabel('ID', { exact: true })).toHaveValue('u0001')
  await calendar.fillFeedToCaldav({
    name: '山田 太郎',
    feedUrl: feeds.url('small'),
    calendarUrl,
    username: 'alice',
    password: radicale.users.alice!,
  })
  await calendar.saveUser('山田 太郎')
  // The password went to the keychain and is not shown back.
  await expect(calendar.target.getByTestId('secret-state')).toHaveText('設定済み')
  await expect(calendar.target.getByLabel('パスワード', { exact: true })).toHaveValue('')
  await expect(calendar.status).toContainText('有効(同期中)')

  await calendar.runNowButton.click()
  await expect(calendar.status.getByRole('status').filter({ hasText: '同期しています' })).toBeVisible()
  await calendar.runSummary.waitFor()
  await expect(calendar.runSummary).toContainText('成功')
  await expect(calendar.eventCount).toHaveText(`${feeds.eventCount('small')} 件`)
  await expect(calendar.historyRows.filter({ hasText: '今すぐ同期' })).toHaveCount(1)
  // What the screen counts is on the CalDAV server, read by a client independent of Renkei's.
  const arrived = await listCalendarObjects(calendarUrl, 'alice', radicale.users.alice!)
  expect(arrived).toHaveLength(feeds.eventCount('small'))
  expect(arrived.map((object) => object.uid)).toContain('0f3k8s1v2m7q9c4b6n5p2r8t1w@google.com')
  expect(arrived.every((object) => /BEGIN:VEVENT[\s\S]*SUMMARY:/.test(object.ics))).toBe(true)

  await calendar.back.click()
  const row = calendar.row('山田 太郎')
  await expect(row.getByTestId('event-count')).toHaveText(String(feeds.eventCount('small')))
  await expect(row.getByTestId('last-sync')).toContainText('成功')
  await expect(row.getByTestId('pair-name')).toBeFocused()
  await expect(calendar.counts).toContainText('有効(同期中) 1 人')
})

test('keyboard only: the permit radios and 「更新」 disable a user', async ({ page, request }) => {
  const call = daemonApi(daemon, request)
  const targetUrl = await radicale.makeCalendar('alice', 'keyboard')
  await saveFeedUser(call, { id: 'sato', number: 1, name: '佐藤 花子', targetUrl })
  const calendar = await openCalendar(page)
  const row = calendar.row('佐藤 花子')
  await expect(row.getByTestId('pair-state')).toHaveText('有効(同期中)')

  await calendar.title.focus()
  await tabTo(page, row.getByRole('radio', { name: '有効' }))
  await page.keyboard.press('ArrowRight')
  await expect(row.getByRole('radio', { name: '無効' })).toBeChecked()
  await expect(page.getByTestId('permits-dirty')).toContainText('未反映の変更が 1 件')
  await tabTo(page, calendar.permitsUpdate)
  await page.keyboard.press('Enter')

  await expect(calendar.users.getByRole('status')).toContainText('1 人の利用許可を更新しました')
  await expect(row.getByTestId('pair-state')).toHaveText('無効')
  await expect(calendar.counts).toContainText('無効 1 人')
  await expect(row.getByTestId('pair-run')).toHaveCount(0)
  await expect(calendar.permitsUpdate).toBeFocused()
})

test('a target nobody answers: errors pile up, the user stops, 「再開」 brings them back; the check says what to fix', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000)
  const call = daemonApi(daemon, request)
  const port = await freePort()
  await saveFeedUser(call, {
    id: 'broken',
    number: 5,
    name: '鈴木 一郎',
    targetUrl: `http://127.0.0.1:${port}/alice/calendar/`,
  })
  const calendar = await openCalendar(page)
  const row = calendar.row('鈴木 一郎')

  // Seed 001: 120 errors within 24 hours stop the user. Each run here fails at once.
  let runs = 0
  for (; runs < 300; runs++) {
    const summary = await call('calendar.run', { id: 'broken' }).catch((error: Error) => error)
    if (summary instanceof Error) break
    const status = await call('calendar.status', {})
    if (status.pairs.find((p) => p.id === 'broken')?.state === 'stopped') break
  }
  expect(runs).toBeLessThan(300)

  await expect(row.getByTestId('pair-state')).toContainText('有効(停止中)')
  await expect(row.getByTestId('stop-reason')).toContainText('エラー多発による自動停止')
  await expect(row.getByTestId('errors-in-window')).not.toHaveText('0')
  await expect(calendar.users.getByRole('alert')).toContainText('「鈴木 一郎」の同期を自動停止しました')

  await calendar.openUser('鈴木 一郎')
  await expect(calendar.status).toContainText('エラー多発による自動停止')
  await expect(calendar.historyRows.filter({ hasText: '自動停止しました' }).first()).toBeVisible()

  // (d) The check names the failing step and what to change.
  await calendar.checkButton.click()
  await expect(calendar.checkResult).toContainText('問題が見つかりました')
  const failed = calendar.step('target-reachable')
  await expect(failed).toHaveAttribute('data-mark', 'ng')
  await expect(failed.getByTestId('check-fix')).toBeVisible()
  await expect(calendar.step('source-reachable')).toHaveAttribute('data-mark', 'ok')

  await calendar.back.click()
  await row.getByTestId('pair-resume').click()
  await expect(row.getByTestId('pair-state')).toHaveText('有効(同期中)')
  await expect(row.getByTestId('errors-in-window')).toHaveText('0')
})

test('shared settings: the form saves what was changed and keeps the rest (a merge patch of the stored settings)', async ({
  page,
  request,
}) => {
  const call = daemonApi(daemon, request)
  await call('calendar.settings.update', { concurrency: 6, oauth: { clientId: 'client-before' } })
  const calendar = await openCalendar(page)
  await calendar.settings.getByLabel('同期の間隔').fill('15')
  await calendar.settings.getByLabel('クライアント ID').fill('client-e2e')
  await calendar.settings.getByTestId('calendar-settings-save').click()
  await expect(calendar.settings.getByTestId('calendar-settings-save-bar')).toContainText(
    'カレンダー同期の共通設定を保存しました。',
  )
  const stored = await call('calendar.settings.update', {})
  expect(stored).toMatchObject({ intervalMinutes: 15, concurrency: 6, oauth: { clientId: 'client-e2e' } })
  expect(stored.oauth.tokenEndpoint).toBe('https://oauth2.googleapis.com/token')
})

test('a calendar URL with user:password@ in it: saved without them, the screen says where they went, sync signs in', async ({
  page,
}) => {
  const calendarUrl = await radicale.makeCalendar('alice', 'url-credentials')
  const calendar = await openCalendar(page)
  await calendar.addButton.click()
  const password = radicale.users.alice!
  await calendar.fillFeedToCaldav({
    name: '佐々木 健',
    feedUrl: feeds.url('small'),
    calendarUrl: calendarUrl.replace('://', `://alice:${encodeURIComponent(password)}@`),
    username: 'alice',
    password: '',
  })
  await calendar.saveUser('佐々木 健')
  await expect(calendar.saveBar.getByRole('status')).toContainText('キーチェーンに保存しました')
  await expect(calendar.target.getByLabel('URL', { exact: true })).toHaveValue(calendarUrl)
  await expect(calendar.target.getByLabel('ユーザー名', { exact: true })).toHaveValue('alice')
  await expect(calendar.target.getByTestId('secret-state')).toHaveText('設定済み')
  await calendar.runNow()
  await expect(calendar.runSummary).toContainText('成功')
  const arrived = await listCalendarObjects(calendarUrl, 'alice', password)
  expect(arrived).toHaveLength(feeds.eventCount('small'))
})
