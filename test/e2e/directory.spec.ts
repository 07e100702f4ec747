import { appendFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { people, writeDirectoryCsv, type CsvPerson } from '../support/directory-csv'
import { startDaemon, type E2eDaemon } from './fixtures/daemon'
import { AppPage } from './pages/app-page'
import { DashboardPage } from './pages/dashboard-page'
import { DirectoryPage } from './pages/directory-page'
import { HistoryPage } from './pages/history-page'

/** Five people in three departments (本社 > 営業本部 > 営業1課); 田中 is on leave (休職 = inactive). */
const staff: readonly CsvPerson[] = [
  {
    key: 'E0001',
    login: 'yamada',
    name: '山田 太郎',
    email: 'yamada@example.jp',
    dept: 'HQ',
    position: '社長',
  },
  {
    key: 'E0002',
    login: 'sato',
    name: '佐藤 花子',
    email: 'sato@example.jp',
    dept: 'SALES',
    position: '本部長',
  },
  {
    key: 'E0003',
    login: 'suzuki',
    name: '鈴木 一郎',
    email: 'suzuki@example.jp',
    dept: 'S1',
    position: '課長',
  },
  { key: 'E0004', login: 'takahashi', name: '高橋 美咲', email: 'takahashi@example.jp', dept: 'S1' },
  { key: 'E0005', login: 'tanaka', name: '田中 健', email: 'tanaka@example.jp', dept: 'S1', status: '休職' },
]

let daemon: E2eDaemon
let dir: string

// A fresh daemon (fresh data directory) per test: each one starts from an empty home directory.
test.beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'renkei-e2e-csv-'))
  daemon = await startDaemon()
})

test.afterEach(async () => {
  await daemon?.stop()
  rmSync(dir, { recursive: true, force: true })
})

async function openDirectory(page: import('@playwright/test').Page): Promise<DirectoryPage> {
  const directory = new DirectoryPage(page)
  await directory.open(daemon.url)
  await directory.openDirectory()
  return directory
}

test('CSV to the home directory: save, test, preview, run, browse, history', async ({ page }) => {
  const files = writeDirectoryCsv(dir, staff)
  const directory = await openDirectory(page)
  await directory.step('run')
  await expect(directory.homeEmpty).toContainText('ホームディレクトリはまだ空です')
  await directory.step('preview')
  await expect(directory.previewButton).toBeDisabled()

  await directory.chooseCsv(files.usersFile, files.departmentsFile)
  await expect(directory.saveBar).toContainText('未保存の変更があります')
  await directory.saveConfig()
  await expect(directory.saveBar).not.toContainText('未保存の変更があります')

  await directory.checkSource.click()
  await expect(directory.sourceCheckResult).toContainText('OK')
  await expect(directory.sourceCheckResult).toContainText('2 つのファイルを読み込めました')

  await directory.preview()
  await expect(directory.planSource).toContainText('社員5 人')
  await expect(directory.planSource).toContainText('部署3')
  await expect(directory.plan.getByTestId('plan-target')).toContainText('反映先はありません')
  // 5 employees and 3 departments are new, plus the positions and groups the rows name.
  const homeChanges = Number((await directory.planHomeTotal.innerText()).replace(/\D/g, ''))
  expect(homeChanges).toBeGreaterThanOrEqual(8)
  await expect(directory.planCount).toHaveText(`${homeChanges} 件を表示（全 ${homeChanges} 件）`)
  await expect(directory.planRows.filter({ hasText: '山田 太郎' })).toContainText('追加')

  await directory.filterObject.selectOption('department')
  await expect(directory.planRows).toHaveCount(3)
  await directory.filterObject.selectOption('')
  await directory.filterText.fill('鈴木')
  await expect(directory.planRows).toHaveCount(1)
  await expect(directory.planRows).toContainText('E0003')
  // Nothing was written by the preview.
  await directory.step('run')
  await expect(directory.homeEmpty).toBeVisible()

  await directory.runNow()
  await expect(directory.runResult).toHaveAttribute('role', 'status')
  await expect(directory.homeCounts).toContainText('社員 5 人（有効 4 人）、部署 3')
  await expect(directory.lastRun).toContainText('成功')

  // The tree: 本社 > 営業本部 > 営業1課, with each department's own people.
  await expect(directory.department('HQ')).toContainText('本社（1）')
  await expect(directory.department('SALES')).toContainText('営業本部（1）')
  await expect(directory.department('S1')).toContainText('営業1課（3）')
  await directory.department('S1').click()
  await expect(directory.home).toContainText('営業1課 の社員')
  await expect(directory.people).toHaveCount(3)
  await expect(directory.person('E0005')).toContainText('停止')
  await expect(directory.person('E0003')).toContainText('suzuki@example.jp')
  await expect(directory.person('E0003')).toContainText('課長')
  await directory.peopleSearch.fill('高橋')
  await directory.peopleSearch.press('Enter')
  await expect(directory.people).toHaveCount(1)
  await expect(directory.people).toContainText('高橋 美咲')
  // Collapsing 営業本部 hides 営業1課.
  await directory.tree.getByRole('button', { name: '営業本部 を折りたたむ' }).click()
  await expect(directory.department('S1')).toHaveCount(0)

  await directory.openHistory.click()
  const history = new HistoryPage(page)
  await history.settled()
  await expect(history.category).toHaveValue('directory')
  await expect(history.rows.first()).toBeVisible()
  expect(new Set(await history.categoryCells.allInnerTexts())).toEqual(new Set(['ディレクトリ同期']))

  const dashboard = new DashboardPage(page)
  await dashboard.go('dashboard')
  const summary = page.getByTestId('directory-summary')
  await expect(summary).toContainText('社員 5 人（有効 4 人）')
  await expect(summary).toContainText('成功')
  await expect(dashboard.jobRows.filter({ hasText: 'ディレクトリ同期' })).toContainText('毎日 00:00')
  await summary.getByRole('button', { name: 'ディレクトリを開く' }).click()
  await expect(directory.root).toBeVisible()
})

test('a broken CSV row: the preview names the file and line, and nothing is imported', async ({ page }) => {
  const files = writeDirectoryCsv(dir, staff)
  // Header on line 1, five people on lines 2-6: the broken row is line 7.
  appendFileSync(files.usersFile, 'E0099,broken\r\n')
  const directory = await openDirectory(page)
  await directory.chooseCsv(files.usersFile, files.departmentsFile)
  await directory.saveConfig()

  await directory.preview()
  await expect(directory.planError.getByRole('alert')).toContainText('users.csv の 7 行目')
  await expect(directory.plan).toHaveCount(0)

  // 今すぐ実行 computes the preview first: the same problem, and nothing to confirm.
  await directory.step('run')
  await directory.runButton.click()
  await expect(directory.runConfirm.getByRole('alert')).toContainText('users.csv の 7 行目')
  await expect(directory.runConfirmRun).toBeDisabled()
  await directory.runConfirmCancel.click()
  await expect(directory.runConfirm).toBeHidden()
  await expect(directory.homeCounts).toContainText('社員 0 人')
  await expect(directory.homeEmpty).toBeVisible()

  // The same message in English after the switch.
  await directory.step('preview')
  await directory.languageToggle.click()
  await expect(directory.planError).toContainText('users.csv line 7')
})

test('the deletion guard stops a run until the deletions are approved, once', async ({ page }) => {
  const files = writeDirectoryCsv(dir, staff)
  const directory = await openDirectory(page)
  await directory.chooseCsv(files.usersFile, files.departmentsFile)
  await directory.saveConfig()
  await directory.runNow()
  await expect(directory.homeCounts).toContainText('社員 5 人')

  // Two of five people gone (40 %, over the default 10 %).
  writeDirectoryCsv(dir, staff.slice(0, 3))
  await directory.preview()
  await expect(directory.page.getByTestId('plan-blocked')).toContainText('削除ガードにより同期しませんでした')
  await expect(directory.page.getByTestId('plan-deletion')).toContainText('作動（実行を停止）')
  // Gone from the source: suspended now, deleted after the grace period (the reason says when).
  await directory.filterAction.selectOption('suspended')
  await expect(directory.planRows).toHaveCount(2)
  await expect(directory.planRows.first()).toContainText('ソースにいないため無効にします')

  // The confirmation shows the same stop and offers no run.
  await directory.step('run')
  await directory.runButton.click()
  await expect(directory.runConfirmCount('home')).toContainText('2')
  await expect(directory.runConfirm.getByTestId('run-confirm-blocked')).toContainText('削除ガード')
  await expect(directory.runConfirmRun).toBeDisabled()
  await directory.page.keyboard.press('Escape')
  await expect(directory.runConfirm).toBeHidden()
  await expect(directory.homeCounts).toContainText('社員 5 人')

  // The blocked plan stays on screen with the approval, which asks once more before it runs.
  await directory.approveButton.click()
  const confirm = directory.page.getByTestId('approve-confirm')
  await expect(confirm).toContainText('2 人のユーザーが停止または削除されます')
  await confirm.getByRole('button', { name: 'キャンセル' }).click()
  await expect(confirm).toHaveCount(0)
  await expect(directory.approveButton).toBeFocused()
  await expect(directory.homeCounts).toContainText('社員 5 人')

  await directory.approveButton.click()
  await confirm.getByRole('button', { name: '承認して実行する' }).click()
  await directory.settled()
  await expect(directory.runButton).toBeFocused()
  await expect(directory.runResult).toHaveAttribute('role', 'status')
  await expect(directory.homeCounts).toContainText('社員 5 人（有効 3 人）')
  await expect(directory.approveButton).toHaveCount(0)
})

test('the people list pages with "more" (keyset) and searches the whole department', async ({ page }) => {
  const files = writeDirectoryCsv(dir, people(130, 'S1'))
  const directory = await openDirectory(page)
  await directory.chooseCsv(files.usersFile, files.departmentsFile)
  await directory.saveConfig()
  await directory.runNow()
  await directory.department('S1').click()
  await expect(directory.people).toHaveCount(100)
  await expect(directory.person('E0100')).toBeVisible()
  await page.getByTestId('people-more').click()
  await expect(directory.people).toHaveCount(130)
  await expect(directory.person('E0130')).toBeVisible()
  await expect(page.getByTestId('people-more')).toHaveCount(0)
  await expect(page.getByTestId('people-count')).toHaveText('130 人を表示中')
  // The search runs in the core, so it finds people beyond the first page too.
  await directory.peopleSearch.fill('user125@')
  await directory.peopleSearch.press('Enter')
  await expect(directory.people).toHaveCount(1)
  await expect(directory.person('E0125')).toBeVisible()
})

test('keyboard only: change the schedule with Tab, arrows and Enter, and save', async ({ page }) => {
  const files = writeDirectoryCsv(dir, staff)
  const directory = await openDirectory(page)
  await directory.chooseCsv(files.usersFile, files.departmentsFile)
  await directory.saveConfig()

  await directory.step('schedule')
  await directory.title.focus()
  const tabTo = async (target: import('@playwright/test').Locator): Promise<void> => {
    for (let i = 0; i < 80; i++) {
      if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return
      await page.keyboard.press('Tab')
    }
    throw new Error('Tab never reached the field')
  }
  const at = directory.schedule.getByLabel('同期実行時間')
  await tabTo(directory.schedule.getByRole('radio', { name: '行う' }))
  await page.keyboard.press('ArrowRight')
  await expect(directory.schedule.getByRole('radio', { name: '行わない' })).toBeChecked()
  await tabTo(at)
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type('25:00')
  await tabTo(directory.save)
  await page.keyboard.press('Enter')
  // Refused in place, and the focus goes to the field to fix.
  await expect(directory.saveRefused).toContainText('入力内容に 1 件の問題があります')
  await expect(at).toBeFocused()
  await expect(directory.schedule.getByTestId('field-error')).toContainText('HH:MM')

  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type('06:30')
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('ArrowLeft')
  await expect(directory.schedule.getByRole('radio', { name: '行う' })).toBeChecked()
  await tabTo(directory.save)
  await page.keyboard.press('Enter')
  await expect(directory.saved).toBeVisible()
  // The form takes the saved values in place: the keyboard user is still on the button.
  await expect(directory.save).toBeFocused()

  await page.reload()
  await directory.root.waitFor()
  await expect(directory.schedule.getByLabel('同期実行時間')).toHaveValue('06:30')
  const dashboard = new DashboardPage(page)
  await dashboard.go('dashboard')
  await expect(dashboard.jobRows.filter({ hasText: 'ディレクトリ同期' })).toContainText('毎日 06:30')
})

test('the initial password must be typed the same twice; it is never shown', async ({ page }) => {
  const app = new AppPage(page)
  const directory = await openDirectory(page)
  await directory.step('target')
  await directory.target.getByRole('radio', { name: 'SCIM 2.0' }).check()
  await directory.target.getByLabel('ベース URL').fill('https://127.0.0.1:9/scim/v2')
  const first = directory.target.getByLabel('初期パスワード', { exact: true })
  const second = directory.target.getByLabel('初期パスワード（確認）')
  await first.fill('Welcome-2026')
  await second.fill('Welcome-2025')
  await directory.save.click()
  await expect(directory.target.getByTestId('field-error')).toContainText(
    '2 つの初期パスワードが一致しません',
  )
  await expect(first).toHaveValue('')
  await expect(second).toHaveValue('')

  // Nothing was saved: after a reload the target is still "none".
  await page.reload()
  await directory.form.waitFor()
  await expect(directory.target.getByRole('radio', { name: 'なし（ホームディレクトリのみ）' })).toBeChecked()

  await directory.target.getByRole('radio', { name: 'SCIM 2.0' }).check()
  await directory.target.getByLabel('ベース URL').fill('https://127.0.0.1:9/scim/v2')
  await first.fill('Welcome-2026')
  await second.fill('Welcome-2026')
  await directory.saveConfig()
  const initialRow = directory.target.locator('tr', {
    has: page.getByLabel('初期パスワード', { exact: true }),
  })
  await expect(initialRow.getByTestId('secret-state')).toHaveText('設定済み')
  await expect(directory.target.getByLabel('初期パスワード', { exact: true })).toHaveValue('')
  await expect(page.getByText('Welcome-2026')).toHaveCount(0)

  await app.languageToggle.click()
  await expect(directory.target).toContainText('Initial password (again)')
})

test('every problem of the source is listed, 50 to a page, and follows the language switch', async ({
  page,
}) => {
  const files = writeDirectoryCsv(dir, staff)
  // Header on line 1, five people on lines 2-6: 120 broken rows on lines 7-126.
  appendFileSync(files.usersFile, Array.from({ length: 120 }, (_, i) => `X${i},broken\r\n`).join(''))
  const directory = await openDirectory(page)
  await directory.chooseCsv(files.usersFile, files.departmentsFile)
  await directory.saveConfig()

  await directory.preview()
  await expect(directory.planError.getByRole('alert')).toContainText('120 件')
  await expect(directory.problems).toContainText('ソースの問題（120 件）')
  await expect(directory.problemRows).toHaveCount(50)
  await expect(directory.problemRows.first()).toContainText('users.csv:7')
  await expect(directory.problemRows.first()).toContainText('列数が見出しと一致しません')
  await expect(directory.problemsPage).toHaveText('1–50 件目 / 120 件')
  await directory.problems.getByRole('button', { name: '次へ' }).first().click()
  await directory.problems.getByRole('button', { name: '次へ' }).last().click()
  await expect(directory.problemsPage).toHaveText('101–120 件目 / 120 件')
  await expect(directory.problemRows).toHaveCount(20)
  await expect(directory.problemRows.last()).toContainText('users.csv:126')

  await directory.languageToggle.click()
  await expect(directory.problems).toContainText('Problems in the source (120)')
  await expect(directory.problemRows.last()).toContainText('the row has 2 cells but the header has 11')
})

test("desknet's NEO preset: the mapping is filled, the file's headers are offered, the pair imports", async ({
  page,
}) => {
  const fixtures = join(__dirname, '..', 'fixtures', 'directory')
  const usersFile = join(fixtures, 'desknets-users.csv')
  const departmentsFile = join(fixtures, 'desknets-organizations.csv')
  const directory = await openDirectory(page)
  await directory.chooseCsv(usersFile, departmentsFile)
  await directory.source.getByLabel('書き出しの形式').selectOption('desknets-neo')
  await directory.source.getByRole('button', { name: 'ファイルから見出しを読み込む' }).click()
  await expect(directory.source.getByTestId('headers-users')).toContainText('16 列（Shift_JIS、1 行目）')
  await expect(directory.source.getByTestId('headers-departments')).toContainText('7 列')
  const keyColumn = directory.source.locator('#dir-csv-users-key')
  await expect(keyColumn).toHaveValue('ID')
  await expect(directory.source.locator('#dir-csv-users-headers option')).toHaveCount(16)
  await expect(directory.source.getByTestId('not-in-file')).toHaveCount(0)
  await directory.saveConfig()

  await directory.preview()
  await expect(directory.planSource).toContainText('社員12 人')
  await expect(directory.page.getByTestId('source-note').first()).toContainText('全角')
  await expect(directory.page.getByTestId('source-warning')).toHaveCount(0)
  await directory.runNow()
  await expect(directory.homeCounts).toContainText('社員 12 人')
})
