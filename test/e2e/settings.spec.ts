import { expect, test } from '@playwright/test'
import { startDaemon, type E2eDaemon } from './fixtures/daemon'
import { AppPage } from './pages/app-page'
import { SettingsPage } from './pages/settings-page'

let daemon: E2eDaemon

test.beforeAll(async () => {
  daemon = await startDaemon()
})

test.afterAll(async () => {
  await daemon?.stop()
})

async function openSettings(
  page: import('@playwright/test').Page,
): Promise<{ app: AppPage; settings: SettingsPage }> {
  const app = new AppPage(page)
  await app.open(daemon.url)
  await app.go('settings')
  return { app, settings: new SettingsPage(page) }
}

test('shows the data directory and the keychain state', async ({ page }) => {
  const { settings } = await openSettings(page)
  await expect(settings.dataDir).toHaveValue(daemon.dataDir)
  await expect(settings.dataDir).toHaveAttribute('readonly', '')
  await expect(settings.keychainStatus).toContainText('利用できます')
})

test('sets and clears a secret without ever showing its value', async ({ page }) => {
  const { settings } = await openSettings(page)
  const name = `e2e.secret-${Date.now()}`
  await settings.secretName.fill(name)
  await settings.secretValue.fill('s3cret-value')
  await settings.secretForm.getByRole('button', { name: '登録' }).click()
  // Emptied at once, whatever the core answers.
  await expect(settings.secretValue).toHaveValue('')
  const row = settings.secretRow(name)
  await expect(row).toContainText('設定済み')
  await expect(page.getByText('s3cret-value')).toHaveCount(0)

  await row.getByRole('button', { name: `${name} をクリア` }).click()
  await row.getByRole('button', { name: '削除する' }).click()
  await expect(settings.secretRow(name)).toHaveCount(0)
  await expect(
    settings.secretsSection.getByRole('status').filter({ hasText: 'クリアしました' }),
  ).toBeVisible()
})

test('refuses a secret name outside the allowed characters', async ({ page }) => {
  const { settings } = await openSettings(page)
  await settings.secretName.fill('Bad Name')
  await settings.secretValue.fill('x')
  await settings.secretForm.getByRole('button', { name: '登録' }).click()
  await expect(settings.secretName).toHaveAttribute('aria-invalid', 'true')
  // Says why, next to the field, not only with a red border.
  await expect(settings.secretForm.getByTestId('secret-name-error')).toHaveText(
    /名前「Bad Name」は使えません。半角英小文字か数字で始め/,
  )
  await expect(settings.secretName).toHaveAccessibleDescription(/使えません/)
  await settings.secretForm.screenshot({ path: 'test-results/screenshots/settings-secret-name-error-ja.png' })
  await expect(settings.secretRow('Bad Name')).toHaveCount(0)

  await settings.secretName.fill('good.name')
  await settings.secretValue.fill('')
  await settings.secretForm.getByRole('button', { name: '登録' }).click()
  await expect(settings.secretForm.getByTestId('secret-name-error')).toHaveText('')
  await expect(settings.secretForm.getByTestId('secret-value-error')).toHaveText('値を入力してください。')
  await expect(settings.secretRow('good.name')).toHaveCount(0)
})

test('groups secrets by the engine that owns them, each with what it is for', async ({ page, request }) => {
  const token = /#token=([^&]+)/.exec(daemon.url)![1]!
  for (const name of ['directory.target.scim.token', 'calendar.u0002.target', 'groupware.password']) {
    const response = await request.post(`${daemon.origin}/api/call/secrets.set`, {
      headers: { Authorization: `Bearer ${token}` },
      data: { name, value: 'x' },
    })
    expect(response.status()).toBe(200)
  }
  const { settings } = await openSettings(page)
  const directory = page.getByTestId('secret-group-directory')
  await expect(directory.getByRole('heading')).toHaveText('ディレクトリ同期')
  // Other specs' daemons share this test keychain: look at the rows of the names set here.
  const row = (group: string, name: string) =>
    page.getByTestId(`secret-group-${group}`).getByTestId('secret-row').filter({ hasText: name })
  await expect(row('directory', 'directory.target.scim.token')).toContainText(
    'SCIM サービスのベアラートークン',
  )
  await expect(row('calendar', 'calendar.u0002.target')).toContainText(
    '利用者 u0002 の同期先 CalDAV カレンダーのパスワード',
  )
  await expect(row('own', 'groupware.password')).toHaveCount(1)
  await expect(page.getByTestId('secret-group-app').getByTestId('secret-row')).toContainText(
    'daemon.access-token',
  )
  await settings.snapshot('settings-secrets-grouped-ja', true)
  for (const name of ['directory.target.scim.token', 'calendar.u0002.target', 'groupware.password']) {
    await request.post(`${daemon.origin}/api/call/secrets.clear`, {
      headers: { Authorization: `Bearer ${token}` },
      data: { name },
    })
  }
})

test('lists the site link secrets in their own group, in Japanese and English', async ({ page, request }) => {
  const token = /#token=([^&]+)/.exec(daemon.url)![1]!
  const call = (method: string, data: unknown) =>
    request.post(`${daemon.origin}/api/call/${method}`, {
      headers: { Authorization: `Bearer ${token}` },
      data,
    })
  expect((await call('secrets.set', { name: 'sitelink.endpoint.passphrase', value: 'x' })).status()).toBe(200)
  const { settings } = await openSettings(page)
  const group = page.getByTestId('secret-group-sitelink')
  await expect(group.getByRole('heading')).toHaveText('サイト間連携')
  await expect(
    group.getByTestId('secret-row').filter({ hasText: 'sitelink.endpoint.passphrase' }),
  ).toContainText('PKCS#12 ファイル')
  // Centred, so the sticky header does not cover the group in the picture.
  const centre = (): Promise<void> => group.evaluate((el) => el.scrollIntoView({ block: 'center' }))
  await centre()
  await group.screenshot({ path: 'test-results/screenshots/settings-secrets-sitelink-ja.png' })
  await settings.setLanguage('en')
  await expect(group.getByRole('heading')).toHaveText('Site link')
  await expect(group).toContainText('PKCS#12 file')
  await centre()
  await group.screenshot({ path: 'test-results/screenshots/settings-secrets-sitelink-en.png' })
  await settings.setLanguage('ja')
  await call('secrets.clear', { name: 'sitelink.endpoint.passphrase' })
})

test('saves the history retention period', async ({ page }) => {
  const { app, settings } = await openSettings(page)
  const months = settings.generalForm.getByLabel('ログの保存期間（か月）')
  await expect(months).toHaveValue('12')
  await months.fill('0')
  await settings.save.click()
  await expect(settings.generalForm.getByRole('alert')).toContainText('1～120')
  await months.fill('24')
  await settings.save.click()
  await expect(page.getByText('設定を保存しました。')).toBeVisible()
  await app.go('history')
  await expect(page.getByTestId('retention-note')).toHaveText('24 か月より前のログは自動的に削除されます。')
  await app.go('settings')
  await months.fill('12')
  await settings.save.click()
  await expect(page.getByText('設定を保存しました。')).toBeVisible()
})

test('switches to English, keeps it after a reload, and back', async ({ page }) => {
  const { app, settings } = await openSettings(page)
  await settings.setLanguage('en')
  await expect(app.navButton('dashboard')).toHaveText('Dashboard')
  await expect(app.navButton('history')).toHaveText('Sync history')
  await expect(app.title).toHaveText('Settings')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')

  await page.reload()
  await expect(app.navButton('settings')).toHaveText('Settings')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await app.go('history')
  await expect(page.getByRole('columnheader', { name: 'Direction', exact: true })).toBeVisible()

  // The top-bar switch goes back in one click.
  await app.languageToggle.click()
  await expect(app.navButton('dashboard')).toHaveText('ダッシュボード')
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja')
})
