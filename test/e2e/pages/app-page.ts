import type { Locator, Page } from '@playwright/test'

export type ScreenName =
  'dashboard' | 'directory' | 'calendar' | 'links' | 'notices' | 'rooms' | 'history' | 'settings'

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

  /** The directory run's confirmation (over any screen): preview counts, run / cancel, then the result. */
  readonly runConfirm = this.page.getByTestId('run-confirm')
  readonly runConfirmRun = this.runConfirm.getByTestId('run-confirm-run')
  readonly runConfirmCancel = this.runConfirm.getByTestId('run-confirm-cancel')
  readonly runConfirmClose = this.runConfirm.getByTestId('run-confirm-close')
  readonly runConfirmResult = this.runConfirm.getByTestId('run-confirm-result')

  /** One count of the confirmation: home, create, update, suspend, delete or adopt. */
  runConfirmCount(what: 'home' | 'create' | 'update' | 'suspend' | 'delete' | 'adopt'): Locator {
    return this.runConfirm.getByTestId(`run-confirm-${what}`)
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
