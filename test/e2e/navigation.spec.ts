import { expect, test } from '@playwright/test'
import { startDaemon, type E2eDaemon } from './fixtures/daemon'
import { AppPage } from './pages/app-page'
import { DashboardPage } from './pages/dashboard-page'

let daemon: E2eDaemon

test.beforeAll(async () => {
  daemon = await startDaemon()
})

test.afterAll(async () => {
  await daemon?.stop()
})

test('opens with the token, then removes it from the address bar', async ({ page }) => {
  const app = new AppPage(page)
  await app.open(daemon.url)
  await expect(app.screen('dashboard')).toBeVisible()
  expect(page.url()).not.toContain('token')
  // The token is kept for the tab: a reload still works without it in the URL.
  await page.reload()
  await expect(app.screen('dashboard')).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja')
})

test('moves between the three screens', async ({ page }) => {
  const app = new AppPage(page)
  await app.open(daemon.url)
  await expect(app.title).toHaveText('ダッシュボード')
  await expect(app.navButton('dashboard')).toHaveAttribute('aria-current', 'page')

  await app.go('history')
  await expect(app.title).toHaveText('同期履歴')
  await expect(app.navButton('history')).toHaveAttribute('aria-current', 'page')
  await expect(app.navButton('dashboard')).not.toHaveAttribute('aria-current', 'page')

  await app.go('settings')
  await expect(app.title).toHaveText('設定')

  await app.go('dashboard')
  await expect(app.title).toHaveText('ダッシュボード')
})

test('keyboard: Tab reaches the menu and Enter opens a screen', async ({ page }) => {
  const app = new AppPage(page)
  await app.open(daemon.url)
  const target = app.navButton('history')
  let reached = false
  for (let i = 0; i < 15 && !reached; i++) {
    await page.keyboard.press('Tab')
    reached = await target.evaluate((el) => el === el.ownerDocument.activeElement)
  }
  expect(reached).toBe(true)
  await page.keyboard.press('Enter')
  await expect(app.screen('history')).toBeVisible()
  // The new screen's title takes the focus, so the next Tab starts inside the screen.
  await expect(app.title).toBeFocused()

  await app.navButton('settings').focus()
  await page.keyboard.press('Enter')
  await expect(app.screen('settings')).toBeVisible()
})

test('dashboard lists the jobs, and the engines with their health (site link with no links yet; room provisioning off)', async ({
  page,
}) => {
  const app = new AppPage(page)
  const dashboard = new DashboardPage(page)
  await app.open(daemon.url)
  const prune = dashboard.jobRows.filter({ hasText: '同期履歴の自動削除' })
  await expect(prune).toHaveCount(1)
  await expect(prune).toContainText('毎日 03:30')
  await expect(prune).toContainText('待機中')
  await expect(dashboard.attentionNone).toContainText('すべて正常です')
  await expect(dashboard.linkRow('directory').getByTestId('health-state')).toHaveText('無効')
  await expect(dashboard.linkRow('directory')).toContainText('同期元が設定されていません')
  await expect(dashboard.linkRow('calendar')).toContainText('ユーザーがいません')
  await expect(dashboard.linkRow('site-link')).toContainText('リンクがありません')
  await expect(dashboard.linkRow('site-link').getByTestId('health-state')).toHaveText('無効')
  await expect(dashboard.linkRow('notice-relay')).toContainText('お知らせ中継')
  await expect(dashboard.linkRow('rooms').getByTestId('health-state')).toHaveText('無効')
  await expect(dashboard.plannedLinks).toHaveCount(0)
})

test('dashboard: pause, resume and run a job now', async ({ page }) => {
  const app = new AppPage(page)
  const dashboard = new DashboardPage(page)
  await app.open(daemon.url)
  const prune = dashboard.jobRows.filter({ hasText: '同期履歴の自動削除' })

  await prune.getByRole('button', { name: '同期履歴の自動削除 を一時停止' }).click()
  await expect(prune).toContainText('一時停止中')
  // Other jobs (directory sync) still run: no "everything is paused" banner for one job.
  await expect(dashboard.jobsSection).not.toContainText('すべてのジョブが一時停止中です')
  await page.getByRole('button', { name: 'すべて一時停止' }).click()
  await expect(dashboard.jobsSection).toContainText('すべてのジョブが一時停止中です')

  await page.getByRole('button', { name: 'すべて再開' }).click()
  await expect(prune).toContainText('待機中')

  await prune.getByRole('button', { name: '同期履歴の自動削除 を今すぐ実行' }).click()
  await expect(
    dashboard.jobsSection.getByRole('status').filter({ hasText: 'ジョブを開始しました' }),
  ).toBeVisible()
  await expect(prune).toContainText('成功')
})

test('without a token, or with a wrong one, a bilingual explanation is shown', async ({ browser }) => {
  for (const url of [`${daemon.origin}/`, `${daemon.origin}/#token=wrong-token`]) {
    const context = await browser.newContext()
    const page = await context.newPage()
    const app = new AppPage(page)
    await page.goto(url)
    await expect(app.accessDenied).toContainText('アクセストークンがありません')
    await expect(app.accessDenied).toContainText('デーモン起動時に表示された URL を開いてください')
    await expect(app.accessDenied).toContainText('Missing or wrong access token')
    await expect(app.accessDenied).toContainText('Open the URL the daemon printed at start')
    await context.close()
  }
})
