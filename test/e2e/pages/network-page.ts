import type { Locator } from '@playwright/test'
import { AppPage } from './app-page'

/** The ネットワーク / Network section of the settings screen. */
export class NetworkPage extends AppPage {
  readonly section = this.page.getByTestId('network-section')
  readonly form = this.page.getByTestId('network-form')
  readonly proxyUrl = this.page.locator('#dir-network-proxyUrl')
  readonly proxyUsername = this.page.locator('#dir-network-proxyUsername')
  readonly proxyPassword = this.form.locator('input[type="password"]')
  readonly noProxy = this.page.locator('#dir-network-noProxy')
  readonly save = this.page.getByTestId('network-save')
  readonly caPem = this.page.getByTestId('network-ca-pem')
  readonly caAdd = this.page.getByTestId('network-ca-add')
  readonly caRows = this.page.getByTestId('network-ca-row')
  readonly testUrl = this.page.getByTestId('network-test-url')
  readonly testRun = this.page.getByTestId('network-test-run')
  readonly result = this.page.getByTestId('network-test-result')
  readonly route = this.page.getByTestId('network-test-route')

  mode(value: 'none' | 'environment' | 'system' | 'manual'): Locator {
    return this.form.locator(`input[type="radio"][value="${value}"]`)
  }

  /** Opens the settings screen scrolled to the network section. */
  async openAt(url: string): Promise<void> {
    await this.open(url)
    await this.go('settings')
    await this.section.scrollIntoViewIfNeeded()
  }
}
