import type { Locator, Page } from '@playwright/test'

export type ScreenName = 'dashboard' | 'directory' | 'calendar' | 'history' | 'settings'

/** Sets `page` before the subclasses' field initializers, which build their locators from it. */
abstract class PageObject {
  constructor(readonly page: Page) {}
}

/** The shell: top bar, left navigation, the current screen. Each screen's page object extends it. */
export class AppPage extends PageObject {
  readonly nav = this.page.getByRole('navigation')
  readonly title = this.page.locator('h1.screen-title')
  readonly languageToggle = this.page.getByTestId('language-toggle')
  readonly accessDenied = this.page.getByTestId('access-denied')

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
