import { expect, test, type Page } from '@playwright/test'
import { startIcsFeedServer, type IcsFeedServer } from '../support/ics-feed-server'
import { startRadicale, type Radicale } from '../support/radicale'
import { startDaemon, type E2eDaemon } from './fixtures/daemon'
import { daemonApi, type DaemonCall } from './fixtures/daemon-api'
import { CalendarPage } from './pages/calendar-page'
import { DashboardPage } from './pages/dashboard-page'

/**
 * The health-first Dashboard against the real daemon: a calendar user whose feed answers 404 (served by a
 * local web server) is named on the Dashboard after one run, the 7-day chart renders from the history,
 * and the Calendar list shows the error streak in amber instead of a green 「有効(同期中)」.
 */
let daemon: E2eDaemon
let radicale: Radicale
let feeds: IcsFeedServer

test.beforeAll(async () => {
  radicale = await startRadicale()
  feeds = await startIcsFeedServer()
  feeds.setStatus('/missing.ics', 404, '<html><body>Not Found</body></html>')
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

/** Two users: 山田 syncs a good feed, 佐藤's feed answers 404 on every run. */
async function saveUsers(call: DaemonCall): Promise<void> {
  const targetUrl = await radicale.makeCalendar('alice', `health-${Date.now()}`)
  const users = [
    { id: 'yamada', number: 1, name: '山田 太郎', feed: feeds.url('small') },
    { id: 'sato', number: 2, name: '佐藤 花子', feed: feeds.url('/missing.ics') },
  ]
  for (const user of users) {
    await call('calendar.pairs.save', {
      id: user.id,
      number: user.number,
      name: user.name,
      source: { kind: 'ics', url: user.feed },
      target: { kind: 'caldav', url: targetUrl, username: 'alice' },
    })
    await call('secrets.set', { name: `calendar.${user.id}.target`, value: radicale.users.alice! })
  }
}

/** The screen fits 1280 px: the page scrolls down, never sideways. */
async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.locator('html').evaluate((root) => root.scrollWidth - root.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
}

test('ja: one scheduled run and the failing user is on the Dashboard by name, with the reason; the chart counts it', async ({
  page,
  request,
}) => {
  const call = daemonApi(daemon, request)
  await saveUsers(call)
  const dashboard = new DashboardPage(page)
  await dashboard.open(daemon.url)
  await expect(dashboard.attentionNone).toContainText('すべて正常です')
  await expect(dashboard.chartDays).toHaveCount(7)

  // One run of the calendar job, as the scheduler starts it; the page is not reloaded.
  await dashboard.job('calendar.sync').getByRole('button', { name: 'カレンダー同期 を今すぐ実行' }).click()
  const sato = dashboard.attentionRow('佐藤 花子')
  await expect(sato.getByTestId('health-state')).toHaveText('エラー発生中')
  await expect(sato.getByTestId('attention-reason')).toContainText('404')
  await expect(dashboard.attentionRow('山田 太郎')).toHaveCount(0)
  // The attention list comes before the chart and the jobs.
  const order = await page
    .getByTestId('screen-dashboard')
    .locator('section')
    .evaluateAll((sections) => sections.map((s) => s.getAttribute('data-testid')))
  expect(order.slice(0, 3)).toEqual(['attention-section', 'runs-chart', 'jobs-section'])

  const today = dashboard.chartDays.last()
  await expect(today).toHaveAttribute('data-runs', /^[1-9]/)
  await expect(today).toHaveAttribute('data-errors', /^[1-9]/)
  await expect(dashboard.chart.getByRole('img')).toHaveAttribute('aria-label', /7 日間で実行 [1-9]/)
  await expect(dashboard.job('calendar.sync')).toContainText('警告')
  await expect(dashboard.linkRow('calendar').getByTestId('health-state')).toHaveText('エラー発生中')
  await expectNoHorizontalOverflow(page)
  await dashboard.snapshot('dashboard-health-ja', true)

  // 開く leads to that user's own page; its list row (one step up) says the same.
  await sato.getByRole('button', { name: '佐藤 花子 を開く' }).click()
  const calendar = new CalendarPage(page)
  await expect(page).toHaveURL(/#\/calendar\/users\/[^/]+$/)
  await expect(calendar.editor).toBeVisible()
  await calendar.back.click()
  const row = calendar.rows.filter({ hasText: '佐藤 花子' })
  await expect(row.getByTestId('pair-state')).toContainText('有効(エラー発生中)')
  await expect(calendar.rows.filter({ hasText: '山田 太郎' }).getByTestId('pair-state')).toHaveText(
    '有効(同期中)',
  )
  await expect(calendar.counts).toContainText('エラー発生中 1 人')
  await expect(calendar.counts.getByText('有効(停止中) 0 人')).toHaveClass(/state-zero/)
  await expectNoHorizontalOverflow(page)
  await calendar.snapshot('calendar-errors-ja')
})

test('en: a user synced from the Calendar screen shows up on the Dashboard in English, and the jobs table has the run', async ({
  page,
  request,
}) => {
  const call = daemonApi(daemon, request)
  await saveUsers(call)
  await call('settings.update', { language: 'en' })
  const dashboard = new DashboardPage(page)
  await dashboard.open(daemon.url)
  await expect(dashboard.attentionNone).toContainText('All healthy')
  await expect(dashboard.job('calendar.sync')).toContainText('Not run')

  await call('calendar.run', { id: 'sato' })
  const sato = dashboard.attentionRow('佐藤 花子')
  await expect(sato.getByTestId('health-state')).toHaveText('Errors')
  await expect(sato.getByTestId('attention-reason')).toContainText('404')
  await expect(sato).toContainText('Calendar sync')
  await expect(dashboard.job('calendar.sync')).toContainText('佐藤 花子')
  await expect(dashboard.chartDays.last()).toHaveAttribute('data-errors', /^[1-9]/)
  await expect(dashboard.chart).toContainText('Runs')
  await expect(dashboard.linkRow('site-link')).toContainText('No links yet')
  // The notice relay and room provisioning are engines with their own rows; nothing is left planned.
  await expect(dashboard.linkRow('notice-relay')).toContainText('Notice relay')
  await expect(dashboard.linkRow('rooms')).toContainText('Room provisioning')
  await expect(dashboard.plannedLinks).toHaveCount(0)
  await expectNoHorizontalOverflow(page)
  await dashboard.snapshot('dashboard-health-en', true)

  const calendar = new CalendarPage(page)
  await calendar.openCalendar()
  await expect(calendar.rows.filter({ hasText: '佐藤 花子' }).getByTestId('pair-state')).toContainText(
    'Enabled (errors)',
  )
  await calendar.snapshot('calendar-errors-en')
})
