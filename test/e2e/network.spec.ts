import { createServer, type Server } from 'node:https'
import { expect, test, type Page } from '@playwright/test'
import { makeTestCa, type TestCa } from '../support/test-ca'
import { startTinyproxy, tinyproxyMissing, type Tinyproxy } from '../support/tinyproxy'
import { startDaemon, type E2eDaemon } from './fixtures/daemon'
import { NetworkPage } from './pages/network-page'

/** Settings > ネットワーク: a manual proxy (real tinyproxy), a trusted CA, and the connection test. */
let daemon: E2eDaemon
let proxy: Tinyproxy
let ca: TestCa
let server: Server
let httpsUrl: string

test.describe.configure({ mode: 'serial' })
test.skip(tinyproxyMissing(), 'tinyproxy is not installed (apt-get install -y tinyproxy)')

test.beforeAll(async () => {
  daemon = await startDaemon()
  proxy = await startTinyproxy()
  ca = makeTestCa('Renkei E2E Root CA', 'intranet.corp.test', ['IP:127.0.0.1'])
  server = createServer({ key: ca.key, cert: ca.cert }, (_req, res) => res.end('ok'))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  httpsUrl = `https://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`
})

test.afterAll(async () => {
  await daemon?.stop()
  await proxy?.stop()
  server?.close()
})

async function noHorizontalOverflow(page: Page): Promise<void> {
  const [scroll, client] = await page
    .locator('html')
    .evaluate((html: { scrollWidth: number; clientWidth: number }) => [html.scrollWidth, html.clientWidth])
  expect(scroll).toBeLessThanOrEqual(client!)
}

test('a manual proxy is saved and the test says the request went through it, refusing the unknown CA (ja)', async ({
  page,
}) => {
  const network = new NetworkPage(page)
  await network.openAt(daemon.url)
  // The daemon cannot read the OS proxy settings: no "system" choice there.
  await expect(network.mode('system')).toHaveCount(0)
  await network.mode('manual').check()
  await network.section.evaluate((section) => section.scrollIntoView())
  await network.snapshot('settings-network-top-ja')
  await network.proxyUrl.fill('ftp://proxy')
  await network.save.click()
  await expect(network.form.getByRole('alert')).toContainText('何も変更していません')

  await network.proxyUrl.fill(proxy.url)
  await network.noProxy.fill('.corp.example.co.jp')
  await network.save.click()
  await expect(network.form.getByRole('status').filter({ hasText: '保存しました' })).toBeVisible()

  await network.testUrl.fill(httpsUrl)
  await network.testRun.click()
  await expect(network.route).toHaveText(`プロキシ ${proxy.url} 経由`)
  await expect(network.result).toContainText('信頼できません')
  await expect(network.result).toContainText('発行者 CN=Renkei E2E Root CA')
  await expect(network.result).toContainText('信頼する CA に「CN=Renkei E2E Root CA」')
  expect(proxy.requests().some((line) => line.startsWith('CONNECT 127.0.0.1:'))).toBe(true)
  await network.result.scrollIntoViewIfNeeded()
  await network.snapshot('settings-network-ja')
  await noHorizontalOverflow(page)
})

test('the CA added once is listed with subject, issuer and expiry, and the server is then trusted (en)', async ({
  page,
}) => {
  const network = new NetworkPage(page)
  await network.openAt(daemon.url)
  await network.languageToggle.click()
  await expect(network.section).toContainText('Trusted CAs')
  await network.caPem.fill(ca.caPem)
  await network.caAdd.click()
  await expect(network.caRows).toHaveCount(1)
  await expect(network.caRows.first()).toContainText('CN=Renkei E2E Root CA')

  await network.testUrl.fill(httpsUrl)
  await network.testRun.click()
  await expect(network.route).toHaveText(`Through the proxy ${proxy.url}`)
  await expect(network.result).toContainText('HTTP 200')
  await expect(network.result).toContainText('Trusted')
  await expect(network.result).toContainText('CN=intranet.corp.test')
  await network.result.scrollIntoViewIfNeeded()
  await network.snapshot('settings-network-en')
  await noHorizontalOverflow(page)
  await network.languageToggle.click()
})
