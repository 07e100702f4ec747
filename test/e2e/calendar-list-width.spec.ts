import { expect, test, type Page } from '@playwright/test'
import { startIcsFeedServer, type IcsFeedServer } from '../support/ics-feed-server'
import { startRadicale, type Radicale } from '../support/radicale'
import { startDaemon, type E2eDaemon } from './fixtures/daemon'
import { daemonApi } from './fixtures/daemon-api'
import { CalendarPage } from './pages/calendar-page'

/**
 * Issue 10 item 5: the user list at 1280 px. A sync's result lands in one place (最終同期), in the core's
 * words, and a long one (a server's error about a long URL) wraps there instead of pushing 利用許可 off-screen.
 */
let daemon: E2eDaemon
let radicale: Radicale
let feeds: IcsFeedServer

test.beforeAll(async () => {
  radicale = await startRadicale()
  feeds = await startIcsFeedServer()
  daemon = await startDaemon()
})

test.afterAll(async () => {
  await daemon?.stop()
  await feeds?.stop()
  await radicale?.stop()
})

/** Neither the page (the html element's scroll box) nor the list scrolls sideways. */
async function expectFits(page: Page): Promise<void> {
  const table = page.getByTestId('calendar-users')
  const boxes = [page.locator('html'), table, table.locator('xpath=..')]
  for (const box of boxes) {
    const size = await box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }))
    expect(size.scroll).toBeLessThanOrEqual(size.client)
  }
}

test('after 今すぐ同期 with a long result the list fits 1280 px and shows the result once (ja, en)', async ({
  page,
  request,
}) => {
  const call = daemonApi(daemon, request)
  const okUrl = await radicale.makeCalendar('alice', 'width-ok')
  const failUrl = await radicale.makeCalendar('alice', 'width-fail')
  const users = [
    { id: 'ok', number: 1, name: '山田 太郎', feed: feeds.url('small'), target: okUrl },
    // A feed that answers 404 at a long address: the error message names it.
    {
      id: 'missing',
      number: 2,
      name: '佐藤 花子',
      feed: feeds.url(`/missing/${'a'.repeat(180)}.ics`),
      target: failUrl,
    },
  ]
  for (const user of users) {
    await call('calendar.pairs.save', {
      id: user.id,
      number: user.number,
      name: user.name,
      source: { kind: 'ics', url: user.feed },
      target: { kind: 'caldav', url: user.target, username: 'alice' },
    })
    await call('secrets.set', { name: `calendar.${user.id}.target`, value: radicale.users.alice! })
  }
  const calendar = new CalendarPage(page)
  await calendar.open(daemon.url)
  await calendar.openCalendar()

  for (const [language, done, failed] of [
    ['ja', '同期しました: 登録', 'エラー'],
    ['en', 'Synced: ', 'Error'],
  ] as const) {
    if (language === 'en') {
      await calendar.languageToggle.click()
      await expect(calendar.navButton('dashboard')).toHaveText('Dashboard')
    }
    for (const user of users) {
      const row = calendar.row(user.name)
      await row.getByTestId('pair-run').click()
      await expect(row.getByTestId('run-summary')).toBeVisible()
    }
    const ok = calendar.row('山田 太郎')
    const missing = calendar.row('佐藤 花子')
    await expect(ok.getByTestId('last-sync')).toContainText(language === 'ja' ? '成功' : 'Succeeded')
    if (language === 'ja') await expect(ok.getByTestId('last-sync')).toContainText(done)
    await expect(missing.getByTestId('last-sync')).toContainText(failed)
    await expectFits(page)
    // One result place: nothing beside the buttons, and the list's old second wording is gone.
    for (const row of [ok, missing]) {
      await expect(row.locator('.actions-cell')).not.toContainText(language === 'ja' ? '件' : 'created')
      await expect(row).not.toContainText(language === 'ja' ? '追加' : 'updated')
      await expect(row.getByTestId('permit')).toBeInViewport()
    }
    await calendar.snapshot(`calendar-list-after-sync-${language}`)
  }
})
