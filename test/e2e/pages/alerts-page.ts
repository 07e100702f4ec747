import type { Locator } from '@playwright/test'
import { AppPage } from './app-page'

/** The 管理者への通知 / Admin alerts section of the settings screen. */
export class AlertsPage extends AppPage {
  readonly section = this.page.getByTestId('alerts-section')
  readonly form = this.page.getByTestId('alerts-form')
  readonly emailEnabled = this.page.locator('#dir-email-enabled')
  readonly host = this.page.locator('#dir-email-host')
  readonly port = this.page.locator('#dir-email-port')
  readonly from = this.page.locator('#dir-email-from')
  readonly to = this.page.locator('#dir-email-to')
  readonly password = this.form.locator('input[type="password"]')
  readonly webhookEnabled = this.page.locator('#dir-webhook-enabled')
  readonly url = this.page.locator('#dir-webhook-url')
  readonly urlState = this.page.getByTestId('webhook-url-state')
  readonly save = this.page.getByTestId('alerts-save')
  readonly test = this.page.getByTestId('alerts-test')
  readonly result = this.page.getByTestId('alerts-test-result')
  readonly fieldErrors = this.form.getByTestId('field-error')

  security(value: 'none' | 'starttls' | 'tls'): Locator {
    return this.form.locator(`input[type="radio"][value="${value}"]`)
  }

  resultFor(channel: 'email' | 'webhook'): Locator {
    return this.page.getByTestId(`alerts-result-${channel}`)
  }

  /** Opens the settings screen scrolled to the alerts section. */
  async openAt(url: string): Promise<void> {
    await this.open(url)
    await this.go('settings')
    await this.form.scrollIntoViewIfNeeded()
  }
}
