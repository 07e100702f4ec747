import { expect, test } from '@playwright/test'
import { freePort } from '../support/free-port'
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink'
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver'
import { startDaemon, type E2eDaemon } from './fixtures/daemon'
import { AlertsPage } from './pages/alerts-page'

/** Settings > 管理者への通知: refusals, saving, test send against a real SMTP server and webhook receiver. */
let daemon: E2eDaemon
let sink: SmtpSink
let hook: WebhookReceiver

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  daemon = await startDaemon()
  sink = await startSmtpSink()
  hook = await startWebhookReceiver()
})

test.afterAll(async () => {
  await daemon?.stop()
  await sink?.stop()
  await hook?.stop()
})

test('bad values are marked field by field in Japanese and nothing is saved', async ({ page }) => {
  const alerts = new AlertsPage(page)
  await alerts.openAt(daemon.url)
  await alerts.emailEnabled.check()
  await alerts.host.fill('smtp example')
  await alerts.port.fill('70000')
  await alerts.from.fill('renkei')
  await alerts.webhookEnabled.check()
  await alerts.url.fill('ftp://hooks.example.test/')
  await alerts.save.click()
  await expect(alerts.host).toHaveAttribute('aria-invalid', 'true')
  await expect(alerts.form).toContainText('「smtp example」はホスト名ではありません')
  await expect(alerts.form).toContainText('1〜65535 の番号にしてください')
  await expect(alerts.form).toContainText('「renkei」はメールアドレスではありません')
  await expect(alerts.form).toContainText('宛先アドレスを 1 つ以上入力してください')
  await expect(alerts.form).toContainText('http:// か https:// で始めてください')
  await expect(alerts.form.getByRole('alert')).toContainText('何も保存していません')
  await expect(alerts.host).toBeFocused()
  await alerts.snapshot('settings-alerts-refused-ja')

  await page.reload()
  await alerts.form.waitFor()
  await expect(alerts.emailEnabled).not.toBeChecked()
  await expect(alerts.host).toHaveValue('')
})

test('saves e-mail and webhook settings, then a test send reaches both (ja)', async ({ page }) => {
  const alerts = new AlertsPage(page)
  await alerts.openAt(daemon.url)
  await alerts.emailEnabled.check()
  await alerts.host.fill('127.0.0.1')
  await alerts.port.fill(String(sink.port))
  await alerts.security('none').check()
  await alerts.from.fill('renkei@example.test')
  await alerts.to.fill('admin@example.test、ops@example.test')
  await alerts.webhookEnabled.check()
  await alerts.url.fill(hook.url)
  await alerts.save.click()
  await expect(alerts.form.getByRole('status').filter({ hasText: '保存しました' })).toBeVisible()
  await expect(alerts.to).toHaveValue('admin@example.test, ops@example.test')
  // The URL (its path holds a token) went to the keychain: the field is emptied and says 設定済み.
  await expect(alerts.url).toHaveValue('')
  await expect(alerts.urlState).toHaveText('設定済み')

  await alerts.test.click()
  await expect(alerts.resultFor('email')).toContainText(
    '✓ メール: 成功 admin@example.test, ops@example.test に送信しました',
  )
  await expect(alerts.resultFor('webhook')).toContainText('✓ Webhook: 成功')
  await expect.poll(() => sink.messages.length).toBe(1)
  expect(sink.messages[0]!.mail.subject).toBe('[Renkei] テスト送信 / Test alert')
  expect(sink.messages[0]!.to).toEqual(['admin@example.test', 'ops@example.test'])
  expect(hook.posts).toHaveLength(1)
  await alerts.result.scrollIntoViewIfNeeded()
  await alerts.snapshot('settings-alerts-ja')

  await page.reload()
  await alerts.form.waitFor()
  await expect(alerts.host).toHaveValue('127.0.0.1')
  await expect(alerts.url).toHaveValue('')
  await expect(alerts.urlState).toHaveText('設定済み')
  // No horizontal overflow at 1280 px.
  const [scroll, client] = await page
    .locator('html')
    .evaluate((html: { scrollWidth: number; clientWidth: number }) => [html.scrollWidth, html.clientWidth])
  expect(scroll).toBeLessThanOrEqual(client!)
})

test('a test send tries what is on screen and says plainly what failed (en)', async ({ page }) => {
  const alerts = new AlertsPage(page)
  await alerts.openAt(daemon.url)
  await alerts.languageToggle.click()
  await expect(alerts.section).toContainText('Admin alerts')
  const closed = await freePort()
  await alerts.port.fill(String(closed))
  await alerts.test.click()
  await expect(alerts.resultFor('email')).toContainText(
    `✗ E-mail: Failed Could not send through the SMTP server 127.0.0.1:${closed} (ECONNREFUSED)`,
  )
  await expect(alerts.resultFor('webhook')).toContainText('✓ Webhook: Sent')
  expect(sink.messages).toHaveLength(1)
  await alerts.result.scrollIntoViewIfNeeded()
  await alerts.snapshot('settings-alerts-en')

  // Not saved: the stored port is still the sink's.
  await page.reload()
  await alerts.form.waitFor()
  await expect(alerts.port).toHaveValue(String(sink.port))
  await alerts.languageToggle.click()
})
