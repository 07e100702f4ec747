import { expect, test, type Page } from '@playwright/test'
import { startDaemon, type E2eDaemon } from './fixtures/daemon'
import { standardSeed } from './fixtures/seed-history'
import { AppPage } from './pages/app-page'
import { HistoryPage } from './pages/history-page'

/** Every screen in both languages, for a person to look at: test-results/screenshots/*.png. */
let daemon: E2eDaemon

test.beforeAll(async () => {
  daemon = await startDaemon({ seed: standardSeed() })
})

test.afterAll(async () => {
  await daemon?.stop()
})

async function shootAll(page: Page, app: AppPage, language: 'ja' | 'en'): Promise<void> {
  await app.go('dashboard')
  await expect(page.getByTestId('job-row').first()).toBeVisible()
  await app.snapshot(`dashboard-${language}`)
  // After a run the last-result column has an outcome and a message.
  await page.getByTestId('job-row').first().getByRole('button').first().click()
  await expect(page.locator('.outcome').first()).toBeVisible()
  await app.snapshot(`dashboard-after-run-${language}`)

  await app.go('history')
  const history = new HistoryPage(page)
  await history.settled()
  await app.snapshot(`history-refusal-${language}`)
  await app.snapshot(`history-full-page-${language}`, true)
  await history.search({ site: 'B社', level: 'error' })
  await history.rows.first().getByRole('button').click()
  await app.snapshot(`history-filtered-${language}`)

  await app.go('settings')
  await expect(page.getByTestId('data-dir')).toBeVisible()
  await app.snapshot(`settings-${language}`, true)
}

test('screens in Japanese and English', async ({ page, browser }) => {
  const app = new AppPage(page)
  await app.open(daemon.url)
  await shootAll(page, app, 'ja')

  await app.languageToggle.click()
  await expect(app.navButton('dashboard')).toHaveText('Dashboard')
  await shootAll(page, app, 'en')
  await app.languageToggle.click()
  await expect(app.navButton('dashboard')).toHaveText('ダッシュボード')

  // The focus ring on the menu, as a keyboard user sees it.
  await page.reload()
  await app.navButton('dashboard').waitFor()
  await app.navButton('history').focus()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Shift+Tab')
  await app.snapshot('keyboard-focus-ja')

  const context = await browser.newContext()
  const denied = await context.newPage()
  await denied.goto(`${daemon.origin}/`)
  await expect(denied.getByTestId('access-denied')).toBeVisible()
  await denied.screenshot({ path: 'test-results/screenshots/access-denied.png' })
  await context.close()
})
