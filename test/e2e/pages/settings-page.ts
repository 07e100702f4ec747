import type { Locator } from '@playwright/test'
import { AppPage } from './app-page'

/** The settings screen: system facts, secrets, general settings. */
export class SettingsPage extends AppPage {
  readonly dataDir = this.page.getByTestId('data-dir')
  readonly keychainStatus = this.page.getByTestId('keychain-status')
  readonly secretsSection = this.page.getByTestId('secrets-section')
  readonly secretForm = this.page.getByTestId('secret-form')
  readonly secretName = this.secretForm.locator('input[name="name"]')
  readonly secretValue = this.secretForm.locator('input[name="value"]')
  readonly secretRows = this.page.getByTestId('secret-row')
  readonly generalForm = this.page.getByTestId('general-form')
  readonly save = this.page.getByTestId('settings-save')

  language(value: 'ja' | 'en'): Locator {
    return this.generalForm.locator(`input[name="language"][value="${value}"]`)
  }

  async setLanguage(value: 'ja' | 'en'): Promise<void> {
    await this.language(value).check()
    await this.save.click()
  }

  secretRow(name: string): Locator {
    return this.secretRows.filter({ hasText: name })
  }
}
