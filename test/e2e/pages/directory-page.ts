import type { Locator } from '@playwright/test'
import { AppPage } from './app-page'

export type DirectoryStep = 'source' | 'target' | 'schedule' | 'preview' | 'run'

/**
 * The Directory screen in five steps (#/directory/<step>): source, target and schedule (one form, one save),
 * preview, and run (with the status and the home directory). Methods open the step they need.
 */
export class DirectoryPage extends AppPage {
  readonly root = this.page.getByTestId('screen-directory')
  readonly steps = this.page.getByTestId('directory-steps')
  readonly status = this.page.getByTestId('directory-status')
  readonly homeCounts = this.status.getByTestId('home-counts')
  readonly lastRun = this.status.getByTestId('last-run')

  readonly form = this.page.getByTestId('directory-config-form')
  readonly source = this.page.getByTestId('directory-source')
  readonly target = this.page.getByTestId('directory-target')
  readonly schedule = this.page.getByTestId('directory-schedule')
  readonly save = this.page.getByTestId('directory-save')
  readonly saveBar = this.page.getByTestId('directory-save-bar')
  readonly saved = this.saveBar
    .getByRole('status')
    .filter({ hasText: 'ディレクトリ同期の設定を保存しました。' })
  readonly saveRefused = this.saveBar.getByRole('alert')
  readonly fieldErrors = this.form.getByTestId('field-error')
  readonly checkSource = this.page.getByTestId('check-source')
  readonly sourceCheckResult = this.page.getByTestId('check-result-source')

  readonly previewButton = this.page.getByTestId('directory-preview')
  readonly runButton = this.page.getByTestId('directory-run')
  readonly approveButton = this.page.getByTestId('directory-approve')
  readonly plan = this.page.getByTestId('plan')
  readonly planError = this.page.getByTestId('plan-error')
  readonly problems = this.page.getByTestId('source-problems')
  readonly problemRows = this.page.getByTestId('problem-row')
  readonly problemsPage = this.page.getByTestId('problems-page-top')
  readonly planSource = this.page.getByTestId('plan-source')
  readonly planHomeTotal = this.page.getByTestId('plan-home-total')
  readonly planRows = this.page.getByTestId('plan-row')
  readonly planCount = this.page.getByTestId('plan-items-count')
  readonly filterObject = this.page.getByTestId('plan-filter-object')
  readonly filterAction = this.page.getByTestId('plan-filter-action')
  readonly filterText = this.page.getByTestId('plan-filter-text')
  readonly runResult = this.page.getByTestId('run-result')
  readonly openHistory = this.page.getByTestId('open-history')

  readonly home = this.page.getByTestId('directory-home')
  readonly homeEmpty = this.page.getByTestId('home-empty')
  readonly tree = this.page.getByTestId('dept-tree')
  readonly everyone = this.page.getByTestId('dept-all')
  readonly people = this.page.getByTestId('person-row')
  readonly peopleSearch = this.page.getByTestId('people-search')

  async openDirectory(): Promise<void> {
    await this.page.getByTestId('nav-directory').click()
    await this.root.waitFor()
    await this.form.waitFor()
  }

  stepLink(step: DirectoryStep): Locator {
    return this.steps.getByTestId(`step-${step}`)
  }

  /** Opens a step by its link (as a user would) unless it is already on screen. */
  async step(step: DirectoryStep): Promise<void> {
    if ((await this.root.getAttribute('data-step')) !== step) await this.stepLink(step).click()
    await this.root.and(this.page.locator(`[data-step="${step}"]`)).waitFor()
  }

  /** Picks CSV as the source and types both file paths (not saved yet). */
  async chooseCsv(usersFile: string, departmentsFile: string): Promise<void> {
    await this.step('source')
    await this.source.getByRole('radio', { name: 'CSV ファイル' }).check()
    await this.source.getByLabel('社員ファイル', { exact: true }).fill(usersFile)
    await this.source.getByLabel('組織（部署）ファイル', { exact: true }).fill(departmentsFile)
  }

  async saveConfig(): Promise<void> {
    await this.save.click()
    await this.saved.waitFor()
  }

  /** The preview's or the run's buttons (one step is on screen): aria-busy while this window's work runs. */
  readonly actions = this.page.getByTestId('preview-actions').or(this.page.getByTestId('run-actions'))

  async settled(): Promise<void> {
    await this.actions.and(this.page.locator('[aria-busy="false"]')).waitFor()
  }

  async preview(): Promise<void> {
    await this.step('preview')
    await this.previewButton.click()
    await this.settled()
  }

  /** 今すぐ実行 → the confirmation with the preview's counts → run → close: the result stays on the screen. */
  async runNow(): Promise<void> {
    await this.step('run')
    await this.runButton.click()
    await this.runConfirmRun.and(this.page.locator(':enabled')).click()
    await this.runConfirmClose.and(this.page.locator(':enabled')).click()
    await this.settled()
    await this.runResult.waitFor()
  }

  department(code: string): Locator {
    return this.tree.locator(`[data-code="${code}"]`)
  }

  person(key: string): Locator {
    return this.people.filter({ has: this.page.locator('code', { hasText: key }) })
  }
}
