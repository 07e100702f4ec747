import type { Locator } from '@playwright/test'
import { AppPage } from './app-page'

/** The Calendar screen: the user list with permits, one user's settings (add / edit), shared settings. */
export class CalendarPage extends AppPage {
  readonly root = this.page.getByTestId('screen-calendar')
  readonly users = this.page.getByTestId('calendar-users-section')
  readonly counts = this.page.getByTestId('calendar-counts')
  readonly rows = this.page.getByTestId('pair-row')
  readonly addButton = this.page.getByTestId('calendar-add')
  readonly permitsUpdate = this.page.getByTestId('permits-update')
  readonly settings = this.page.getByTestId('calendar-settings')

  readonly editor = this.page.getByTestId('pair-editor')
  readonly back = this.page.getByTestId('calendar-back')
  readonly form = this.page.getByTestId('pair-form')
  readonly userFields = this.page.getByTestId('pair-user')
  readonly source = this.page.getByTestId('pair-source')
  readonly target = this.page.getByTestId('pair-target')
  readonly save = this.page.getByTestId('pair-save')
  readonly saveBar = this.page.getByTestId('pair-save-bar')
  readonly status = this.page.getByTestId('pair-status')
  readonly eventCount = this.page.getByTestId('pair-event-count')
  readonly runNowButton = this.page.getByTestId('pair-run-now')
  readonly runSummary = this.status.getByTestId('run-summary')
  readonly checkButton = this.page.getByTestId('pair-check')
  readonly checkResult = this.page.getByTestId('check-result')
  readonly checkSteps = this.page.getByTestId('check-step')
  readonly history = this.page.getByTestId('pair-history')
  readonly historyRows = this.page.getByTestId('pair-history-row')

  async openCalendar(): Promise<void> {
    await this.page.getByTestId('nav-calendar').click()
    await this.root.waitFor()
    await this.users.waitFor()
  }

  /** The list row of a user, found by their name. */
  row(name: string): Locator {
    return this.rows.filter({ has: this.page.getByTestId('pair-name').getByText(name, { exact: true }) })
  }

  async openUser(name: string): Promise<void> {
    await this.row(name).getByTestId('pair-name').click()
    await this.form.waitFor()
  }

  /** Fills a new user: an iCalendar feed without sign-in to a generic CalDAV calendar with a password. */
  async fillFeedToCaldav(user: {
    readonly name: string
    readonly feedUrl: string
    readonly calendarUrl: string
    readonly username: string
    readonly password: string
  }): Promise<void> {
    await this.userFields.getByLabel('ユーザー名', { exact: true }).fill(user.name)
    await this.source.getByRole('radio', { name: 'iCalendar フィード（読み取り専用）' }).check()
    await this.source.getByLabel('URL', { exact: true }).fill(user.feedUrl)
    await this.target.getByRole('radio', { name: '汎用 CalDAV' }).check()
    await this.target.getByLabel('URL', { exact: true }).fill(user.calendarUrl)
    await this.target.getByLabel('ユーザー名', { exact: true }).fill(user.username)
    await this.target.getByLabel('パスワード', { exact: true }).fill(user.password)
  }

  async saveUser(name: string): Promise<void> {
    await this.save.click()
    await this.saveBar
      .getByRole('status')
      .filter({ hasText: `「${name}」の同期設定を保存しました。` })
      .waitFor()
  }

  async runNow(): Promise<void> {
    await this.runNowButton.click()
    await this.runSummary.waitFor()
  }

  step(id: string): Locator {
    return this.checkSteps.and(this.page.locator(`[data-step="${id}"]`))
  }
}
