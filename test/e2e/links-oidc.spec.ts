import { expect, test } from '@playwright/test'
import { startDaemon, type E2eDaemon } from './fixtures/daemon'
import { LinksPage } from './pages/links-page'

/**
 * The OpenID Connect provider section of the Links screen against a real daemon (own keychain): the issuer
 * follows the link URL, a client off https is refused in place, and a client secret is write-only.
 */
test.describe.configure({ mode: 'serial' })
test.use({ viewport: { width: 1280, height: 800 } })

let daemon: E2eDaemon

test.beforeAll(async () => {
  daemon = await startDaemon({ ownKeychain: true })
})

test.afterAll(async () => {
  await daemon?.stop()
})

test('OpenID Connect: issuer from the link URL, a plain-http client refused in place, a write-only secret', async ({
  page,
}) => {
  const links = new LinksPage(page)
  await links.open(daemon.url)
  await links.go('links')
  const section = page.getByTestId('links-oidc')
  await expect(section).toContainText('先にこのサイトの連携URLを設定してください')

  await links.saveSite({ company: '株式会社Bテスト', url: 'https://renkei-b.example.co.jp/' })
  const issuer = 'https://renkei-b.example.co.jp/renkei-link/v1/oidc'
  await expect(page.getByTestId('oidc-issuer')).toHaveText(issuer)
  await expect(page.getByTestId('oidc-discovery')).toHaveText(`${issuer}/.well-known/openid-configuration`)

  await page.getByTestId('oidc-enabled').check()
  await page.getByTestId('oidc-add-client').click()
  await page.getByTestId('oidc-client-0-clientId').fill('groupware.b')
  await page.getByTestId('oidc-client-0-name').fill('B社グループウェア')
  await page.getByTestId('oidc-client-0-redirectUris').fill('http://groupware.example.co.jp/oidc/callback')
  await page.getByTestId('oidc-client-0-secret').fill('s3cret-value-for-e2e')
  await page.getByTestId('oidc-save').click()
  await expect(section.getByRole('alert')).toContainText('https ではありません')

  await page.getByTestId('oidc-client-0-redirectUris').fill('https://groupware.example.co.jp/oidc/callback')
  await page.getByTestId('oidc-client-0-initiateLoginUri').fill('https://groupware.example.co.jp/oidc/login')
  await page.getByTestId('oidc-save').click()
  await expect(
    page.getByRole('status').filter({ hasText: 'OpenID Connect の設定を保存しました' }),
  ).toBeVisible()
  await expect(page.getByTestId('oidc-client-0')).toContainText('設定済み（表示しません）')
  await expect(page.getByTestId('oidc-client-0-secret')).toHaveValue('')

  await page.reload()
  await expect(page.getByTestId('oidc-enabled')).toBeChecked()
  await expect(page.getByTestId('oidc-client-0-clientId')).toHaveValue('groupware.b')
  await expect(page.getByTestId('oidc-client-0-initiateLoginUri')).toHaveValue(
    'https://groupware.example.co.jp/oidc/login',
  )
  await expect(page.getByTestId('oidc-client-0')).toContainText('設定済み（表示しません）')
  await expect(page.locator('body')).not.toContainText('s3cret-value-for-e2e')
})
