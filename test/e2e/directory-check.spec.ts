import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { people, writeDirectoryCsv } from '../support/directory-csv'
import { startScimServer, type RunningScimServer } from '../support/scim-server'
import { startDaemon, type E2eDaemon } from './fixtures/daemon'
import { DirectoryPage } from './pages/directory-page'

let daemon: E2eDaemon
let scim: RunningScimServer
let dir: string

test.beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'renkei-e2e-check-'))
  scim = await startScimServer()
  daemon = await startDaemon()
})

test.afterEach(async () => {
  await daemon?.stop()
  await scim?.stop()
  rmSync(dir, { recursive: true, force: true })
})

test('接続テスト tests the unsaved form, not the saved settings, and saves nothing', async ({ page }) => {
  const files = writeDirectoryCsv(dir, people(2))
  const directory = new DirectoryPage(page)
  await directory.open(daemon.url)
  await directory.openDirectory()
  await directory.chooseCsv(files.usersFile, files.departmentsFile)
  await directory.step('target')
  await directory.target.getByRole('radio', { name: 'SCIM 2.0' }).check()
  const baseUrl = directory.target.getByLabel('ベース URL')
  await baseUrl.fill(scim.baseUrl)
  await directory.target.getByRole('textbox', { name: 'ベアラートークン' }).fill(scim.token)
  await directory.saveConfig()

  const checkTarget = page.getByTestId('check-target')
  const result = page.getByTestId('check-result-target')
  await checkTarget.click()
  await expect(result).toHaveAttribute('role', 'status')

  // An unsaved edit: the test goes where the form now points (nobody listens there), and says so.
  await baseUrl.fill('http://127.0.0.1:9/scim/v2')
  await expect(directory.target.getByText('画面の内容（未保存の変更を含む）でテストします')).toBeVisible()
  await checkTarget.click()
  await expect(result).toHaveAttribute('role', 'alert')
  await directory.target.scrollIntoViewIfNeeded()
  await directory.snapshot('directory-check-draft-ja')
  await directory.languageToggle.click()
  await expect(directory.target.getByText('The test uses what is on the screen')).toBeVisible()
  await directory.snapshot('directory-check-draft-en')
  await directory.languageToggle.click()

  // Nothing was saved by the tests: a reload shows the saved URL, which passes.
  await page.reload()
  await directory.openDirectory()
  await directory.step('target')
  await expect(baseUrl).toHaveValue(scim.baseUrl)
  await checkTarget.click()
  await expect(result).toHaveAttribute('role', 'status')
})
