import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { people, writeDirectoryCsv } from '../support/directory-csv'
import { startScimServer, type RunningScimServer } from '../support/scim-server'
import { startDaemon, type E2eDaemon } from './fixtures/daemon'
import { DashboardPage } from './pages/dashboard-page'
import { DirectoryPage } from './pages/directory-page'

let daemon: E2eDaemon
let scim: RunningScimServer
let dir: string

test.beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'renkei-e2e-confirm-'))
  scim = await startScimServer()
  daemon = await startDaemon()
})

test.afterEach(async () => {
  await daemon?.stop()
  await scim?.stop()
  rmSync(dir, { recursive: true, force: true })
})

/** CSV of three people into a SCIM service: the "production" target nothing may reach unseen. */
async function configureScim(page: import('@playwright/test').Page): Promise<DirectoryPage> {
  const files = writeDirectoryCsv(dir, people(3))
  const directory = new DirectoryPage(page)
  await directory.open(daemon.url)
  await directory.openDirectory()
  await directory.chooseCsv(files.usersFile, files.departmentsFile)
  await directory.step('target')
  await directory.target.getByRole('radio', { name: 'SCIM 2.0' }).check()
  await directory.target.getByLabel('ベース URL').fill(scim.baseUrl)
  await directory.target.getByRole('textbox', { name: 'ベアラートークン' }).fill(scim.token)
  await directory.saveConfig()
  return directory
}

test('send now on the Dashboard shows the directory run\'s counts and writes only after "run"', async ({
  page,
}) => {
  const directory = await configureScim(page)
  const dashboard = new DashboardPage(page)
  await dashboard.go('dashboard')

  // ja: 「すべて今すぐ送信」 runs the rest and asks about the directory run.
  await dashboard.jobsSection.getByRole('button', { name: 'すべて今すぐ送信' }).click()
  await expect(dashboard.runConfirm).toBeVisible()
  await expect(dashboard.runConfirm.getByRole('heading')).toHaveText('ディレクトリ同期を実行しますか？')
  // Three people and their department group go to SCIM: nothing suspended or deleted.
  await expect(dashboard.runConfirmCount('create')).toHaveText('作成4')
  await expect(dashboard.runConfirmCount('update')).toHaveText('更新0')
  await expect(dashboard.runConfirmCount('suspend')).toHaveText('停止0')
  await expect(dashboard.runConfirmCount('delete')).toHaveText('削除0')
  await expect(dashboard.runConfirmCount('adopt')).toHaveText('引き継ぎ（承認待ち）0')
  await dashboard.snapshot('run-confirm-ja')
  const html = page.locator('html')
  const [scrollWidth, clientWidth] = await html.evaluate((e) => [e.scrollWidth, e.clientWidth])
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth!)

  await dashboard.runConfirmCancel.click()
  await expect(dashboard.runConfirm).toBeHidden()
  // Cancelled: the target and the home directory are untouched.
  expect(scim.users()).toHaveLength(0)
  expect(scim.requests().filter((r) => r.method !== 'GET')).toHaveLength(0)
  await dashboard.go('dashboard')
  await expect(page.getByTestId('directory-summary')).toBeVisible()

  // en: the directory job's own "Run now" opens the same confirmation; "Run" writes.
  await dashboard.languageToggle.click()
  const row = dashboard.jobRows.filter({ hasText: 'Directory sync' })
  await row.getByRole('button', { name: 'Run Directory sync now' }).click()
  await expect(dashboard.runConfirm.getByRole('heading')).toHaveText('Run directory sync?')
  await expect(dashboard.runConfirmCount('create')).toHaveText('Create4')
  await expect(dashboard.runConfirmCount('delete')).toHaveText('Delete0')
  await dashboard.snapshot('run-confirm-en')
  await dashboard.runConfirmRun.click()
  await expect(dashboard.runConfirmResult).toHaveAttribute('role', 'status')
  await expect(dashboard.runConfirm.getByRole('heading')).toHaveText('Directory sync run')
  await expect(dashboard.runConfirmResult).not.toBeEmpty()
  expect(scim.users()).toHaveLength(3)
  await dashboard.snapshot('run-confirm-result-en')
  await dashboard.runConfirmClose.click()
  await expect(dashboard.runConfirm).toBeHidden()

  // The Directory screen's run now asks too (nothing left to write now); Esc cancels, the focus returns.
  await directory.openDirectory()
  await directory.step('run')
  await directory.runButton.click()
  await expect(directory.runConfirmCount('create')).toHaveText('Create0')
  await page.keyboard.press('Escape')
  await expect(directory.runConfirm).toBeHidden()
  await expect(directory.runButton).toBeFocused()
})
