import type { Locator, Page } from '@playwright/test'

export type ScreenName = 'dashboard' | 'history' | 'settings'

/** The shell: top bar, left navigation, the current screen. */
export class AppPage {
  readonly nav: Locator
  readonly title: Locator
  readonly languageToggle: Locator
  readonly accessDenied: Locator

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation')
    this.title = page.locator('h1.screen-title')
    this.languageToggle = page.getByTestId('language-toggle')
    this.accessDenied = page.getByTestId('access-denied')
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url)
    await this.nav.waitFor()
  }

  navButton(screen: ScreenName): Locator {
    return this.page.getByTestId(`nav-${screen}`)
  }

  screen(screen: ScreenName): Locator {
    return this.page.getByTestId(`screen-${screen}`)
  }

  async go(screen: ScreenName): Promise<void> {
    await this.navButton(screen).click()
    await this.screen(screen).waitFor()
  }

  /** Saves a screenshot (the window, or the whole scrolled page) under test-results/screenshots/. */
  async snapshot(name: string, fullPage = false): Promise<void> {
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage })
  }
}
