import type { Locator, Page } from '@playwright/test'

/** The settings screen: system facts, secrets, general settings. */
export class SettingsPage {
  readonly dataDir: Locator
  readonly keychainStatus: Locator
  readonly secretsSection: Locator
  readonly secretForm: Locator
  readonly secretName: Locator
  readonly secretValue: Locator
  readonly secretRows: Locator
  readonly generalForm: Locator
  readonly save: Locator

  constructor(readonly page: Page) {
    this.dataDir = page.getByTestId('data-dir')
    this.keychainStatus = page.getByTestId('keychain-status')
    this.secretsSection = page.getByTestId('secrets-section')
    this.secretForm = page.getByTestId('secret-form')
    this.secretName = this.secretForm.locator('input[name="name"]')
    this.secretValue = this.secretForm.locator('input[name="value"]')
    this.secretRows = page.getByTestId('secret-row')
    this.generalForm = page.getByTestId('general-form')
    this.save = page.getByTestId('settings-save')
  }

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
