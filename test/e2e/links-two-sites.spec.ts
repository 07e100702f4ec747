import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { makePartnerCerts } from '../support/partner-certs'
import { startDaemon, type E2eDaemon } from './fixtures/daemon'
import { LinksPage } from './pages/links-page'

/**
 * The handshake as two admins do it: request on A, accept on B, start on A, the state on both screens.
 * Two real daemons, each with its partner endpoint on its own loopback address at 443 (127.0.0.2 and
 * 127.0.0.3, kept for this spec), certificates from one test CA that both trust.
 */
test.describe.configure({ mode: 'serial' })
test.use({ viewport: { width: 1280, height: 800 } })

const addresses = ['127.0.0.2', '127.0.0.3'] as const
let sites: E2eDaemon[] = []

/** One API call through the daemon's HTTP transport, as the UI makes it. */
async function call(daemon: E2eDaemon, method: string, input: unknown): Promise<unknown> {
  const token = new URL(daemon.url).hash.slice('#token='.length)
  const response = await fetch(`${daemon.origin}/api/call/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  })
  const body = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown }
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`)
  return body.value
}

async function setUp(
  daemon: E2eDaemon,
  address: string,
  cert: { cert: string; key: string },
  caPem: string,
  company: string,
  siteName: string,
): Promise<void> {
  const certFile = join(daemon.dataDir, 'endpoint-cert.pem')
  const keyFile = join(daemon.dataDir, 'endpoint-key.pem')
  writeFileSync(certFile, cert.cert)
  writeFileSync(keyFile, cert.key, { mode: 0o600 })
  await call(daemon, 'network.ca.add', { pem: caPem })
  await call(daemon, 'link.endpoint.update', {
    enabled: true,
    bindAddress: address,
    port: 443,
    certificate: { kind: 'pem', certFile, keyFile },
  })
  await call(daemon, 'link.site.update', {
    companyName: company,
    siteName,
    linkUrl: `https://${address}/`,
    adminName: `${siteName} 管理者`,
  })
}

test.beforeAll(async () => {
  const certs = makePartnerCerts([...addresses])
  sites = [await startDaemon(), await startDaemon({ ownKeychain: true })]
  await setUp(sites[0]!, addresses[0], certs.sites[0]!, certs.caPem, '株式会社Aテスト', 'A東京')
  await setUp(sites[1]!, addresses[1], certs.sites[1]!, certs.caPem, '株式会社Bテスト', 'B大阪')
})

test.afterAll(async () => {
  await Promise.all(sites.map((site) => site.stop()))
})

async function openLinks(page: Page, daemon: E2eDaemon): Promise<LinksPage> {
  const links = new LinksPage(page)
  await links.open(daemon.url)
  await links.go('links')
  return links
}

test('request on A, accept on B, start on A: both screens show the link', async ({ browser }) => {
  const a = await openLinks(await browser.newPage(), sites[0]!)
  const b = await openLinks(await browser.newPage(), sites[1]!)

  await a.requestIssue.click()
  const url = await a.requestUrl.inputValue()
  expect(url).toMatch(/^https:\/\/127\.0\.0\.2\/renkei-link\/v1\/request\//)

  await b.load(url)
  await expect(b.acceptPreview).toContainText('株式会社Aテスト')
  await expect(b.acceptPreview).toContainText('A東京 管理者')
  await expect(b.page.getByTestId('accept-publishes')).toContainText('株式会社Bテスト')
  await b.accept.scrollIntoViewIfNeeded()
  await b.snapshot('links-accept-preview-ja')
  await b.languageToggle.click()
  await expect(b.acceptConfirm).toHaveText('Accept')
  await b.snapshot('links-accept-preview-en')
  await b.languageToggle.click()
  await b.acceptConfirm.click()
  await expect(b.page).toHaveURL(/#\/links\/[^/]+$/)
  await expect(b.detailState).toHaveText('開始待ち')
  await expect(b.action('start')).toHaveCount(0)
  await expect(b.action('unlink')).toBeVisible()

  // A hears the accept (link.changed) without a reload; its request URL is used up.
  await expect(a.partnerRows).toHaveCount(1)
  await expect(a.partnerRows.first().getByTestId('partner-state')).toHaveText('開始待ち')
  await expect(a.countdown).toHaveCount(0)
  await a.partnerRows.first().getByRole('link').click()
  await expect(a.transitions).toContainText('B大阪 管理者')
  await a.action('start').click()
  // At 8:30–9:30 or 17:30–18:30 the screen asks first; go ahead now either way.
  // The state is on screen all along: wait for the question or for the link itself, whichever comes.
  const peak = a.page.getByTestId('peak-question')
  await expect(a.detailState.filter({ hasText: 'リンク中' }).or(peak).first()).toBeVisible()
  if (await peak.isVisible()) await peak.getByRole('button', { name: 'このまま実行する' }).click()
  await expect(a.detailState).toHaveText('リンク中')
  await expect(b.detailState).toHaveText('リンク中')
  await expect(b.transitions).toContainText('リンク開始')

  // 「今すぐ送信」 once the first send is through: the partner takes it and the screen says so.
  const sendNow = a.detail.getByTestId('link-send-now')
  await expect(sendNow).toBeEnabled({ timeout: 30_000 })
  await sendNow.click()
  await expect(
    a.page.getByRole('status').filter({ hasText: /送信しました|送る変更はありませんでした/ }),
  ).toBeVisible({
    timeout: 30_000,
  })
  // The partner's schedules as feeds: the URLs only when asked for, the whole site's first.
  await expect(a.page.getByTestId('detail-directory')).toBeVisible()
  await a.page.getByTestId('feeds-show').click()
  await expect(a.page.getByTestId('feeds-table').locator('tr').first()).toContainText('サイト全体')
  await expect(a.page.getByTestId('feeds-table').locator('tr').first()).toContainText('https://')
  await a.snapshot('links-two-sites-a-ja')
  await b.snapshot('links-two-sites-b-ja')
})
