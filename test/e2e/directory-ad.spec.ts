import { expect, test } from '@playwright/test'
import { startDaemon, type E2eDaemon } from './fixtures/daemon'
import { DirectoryPage } from './pages/directory-page'

let daemon: E2eDaemon

test.beforeAll(async () => {
  daemon = await startDaemon()
})

test.afterAll(async () => {
  await daemon?.stop()
})

test('the LDAP source offers Active Directory with its defaults, kept after saving', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  const directory = new DirectoryPage(page)
  await directory.open(daemon.url)
  await directory.openDirectory()
  await directory.step('source')
  const source = directory.source
  await source.getByRole('radio', { name: 'LDAP' }).check()
  await source.getByLabel('ディレクトリの種類').selectOption('active-directory')

  await expect(source.getByLabel('ユーザーの検索フィルター')).toHaveValue(
    '(&(objectCategory=person)(objectClass=user)(!(isCriticalSystemObject=TRUE)))',
  )
  await expect(source.getByLabel('無効を示す属性')).toHaveValue('userAccountControl')
  await expect(source.getByRole('radio', { name: /ビットのいずれかが立っている/ })).toBeChecked()
  await expect(source.getByLabel('無効を示す値')).toHaveValue('2')
  await expect(source.getByRole('checkbox', { name: /メンバーになっているグループ/ })).toBeChecked()
  await source.getByRole('button', { name: '属性の対応付け' }).click()
  await expect(source.getByLabel('社員番号', { exact: true })).toHaveValue('objectGUID')
  await expect(source.getByLabel('ログインID', { exact: true })).toHaveValue('sAMAccountName')

  await source.getByLabel('サーバー URL').fill('ldaps://dc1.corp.example:636')
  await source.getByLabel('バインド DN').fill('CN=renkei,CN=Users,DC=corp,DC=example')
  await source.getByLabel('ベース DN', { exact: true }).fill('DC=corp,DC=example')
  // A bit mask must be a number: refused next to the field, in both languages.
  await source.getByLabel('無効を示す値').fill('0x2')
  await directory.save.click()
  await expect(directory.fieldErrors.filter({ hasText: '1 以上の整数' })).toBeVisible()
  await source.getByLabel('無効を示す値').fill('2')
  await directory.saveConfig()

  const overflow = await page.locator('html').evaluate((root) => root.scrollWidth - root.clientWidth)
  expect(overflow).toBe(0)
  await source.scrollIntoViewIfNeeded()
  await directory.snapshot('directory-ad-source-ja', true)
  await directory.languageToggle.click()
  await expect(source.getByLabel('Directory type')).toHaveValue('active-directory')
  await expect(source.getByText('any of the bits is set')).toBeVisible()
  await directory.snapshot('directory-ad-source-en', true)
  await directory.languageToggle.click()

  await page.reload()
  await directory.openDirectory()
  await directory.step('source')
  await expect(source.getByLabel('ディレクトリの種類')).toHaveValue('active-directory')
  await expect(source.getByLabel('無効を示す属性')).toHaveValue('userAccountControl')
})
