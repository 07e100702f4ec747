import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { people, writeDirectoryCsv } from '../support/directory-csv'
import { startDaemon, type E2eDaemon } from './fixtures/daemon'
import { standardSeed } from './fixtures/seed-history'
import { AppPage } from './pages/app-page'
import { DirectoryPage } from './pages/directory-page'
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

/** The Directory screen from empty to after a run, on its own daemon so the history shots stay as they are. */
test('directory screen in Japanese and English', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'renkei-shots-csv-'))
  const own = await startDaemon()
  try {
    const staff = [
      { key: 'E0001', name: '山田 太郎', email: 'yamada@example.jp', dept: 'HQ', position: '社長' },
      { key: 'E0002', name: '佐藤 花子', email: 'sato@example.jp', dept: 'SALES', position: '本部長' },
      ...people(6).map((p, i) => ({ ...p, key: `E01${i}`, status: i === 5 ? '休職' : '' })),
    ]
    const files = writeDirectoryCsv(dir, staff)
    const directory = new DirectoryPage(page)
    // The sticky top bar would cover the top of a scrolled-to section: let it scroll away for these shots.
    const shoot = (testId: string, name: string) =>
      page.getByTestId(testId).screenshot({
        path: `test-results/screenshots/${name}.png`,
        style: '.top-bar { position: static !important; }',
      })
    const toggle = async (title: string) => {
      await directory.languageToggle.click()
      await expect(directory.title).toHaveText(title)
    }
    await directory.open(own.url)
    await directory.openDirectory()
    await directory.snapshot('directory-empty-ja', true)

    await directory.chooseCsv(files.usersFile, files.departmentsFile)
    await directory.saveConfig()
    await directory.checkSource.click()
    await expect(directory.sourceCheckResult).toBeVisible()
    await directory.source.getByRole('button', { name: '社員ファイルの列の対応付け' }).click()
    await shoot('directory-source', 'directory-source-csv-ja')
    await directory.preview()
    await expect(directory.plan).toBeVisible()
    await shoot('directory-preview-section', 'directory-preview-ja')
    await toggle('Directory sync')
    await shoot('directory-preview-section', 'directory-preview-en')
    await toggle('ディレクトリ同期')

    await directory.runNow()
    await directory.department('S1').click()
    await expect(directory.people.first()).toBeVisible()
    await shoot('directory-status', 'directory-status-ja')
    await shoot('directory-home', 'directory-home-ja')
    await toggle('Directory sync')
    await shoot('directory-home', 'directory-home-en')
    await toggle('ディレクトリ同期')

    // The LDAP and SCIM forms with their warnings and inline problems (refused, so not saved).
    await directory.source.getByRole('radio', { name: 'LDAP' }).check()
    await directory.source.getByRole('radio', { name: '暗号化なし' }).check()
    await directory.target.getByRole('radio', { name: 'SCIM 2.0' }).check()
    await directory.save.click()
    await expect(directory.saveRefused).toBeVisible()
    await directory.snapshot('directory-forms-ja', true)

    await directory.go('dashboard')
    await expect(page.getByTestId('directory-summary')).toContainText('成功')
    await directory.snapshot('dashboard-directory-ja')
  } finally {
    await own.stop()
    rmSync(dir, { recursive: true, force: true })
  }
})
