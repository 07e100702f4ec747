import type { Locator, Page } from '@playwright/test'

/** The sync-history screen: filter form, export panel, paged table. */
export class HistoryPage {
  readonly site: Locator
  readonly direction: Locator
  readonly category: Locator
  readonly level: Locator
  readonly from: Locator
  readonly to: Locator
  readonly text: Locator
  readonly submit: Locator
  readonly rows: Locator
  readonly siteCells: Locator
  readonly levelCells: Locator
  readonly topPager: Locator
  readonly pageInfo: Locator
  readonly next: Locator
  readonly previous: Locator
  readonly exportCsv: Locator
  readonly exportJsonl: Locator
  readonly exportCount: Locator
  readonly refusal: Locator
  readonly exportPanel: Locator
  readonly empty: Locator

  constructor(readonly page: Page) {
    this.site = page.getByTestId('filter-site')
    this.direction = page.getByTestId('filter-direction')
    this.category = page.getByTestId('filter-category')
    this.level = page.getByTestId('filter-level')
    this.from = page.getByTestId('filter-from')
    this.to = page.getByTestId('filter-to')
    this.text = page.getByTestId('filter-text')
    this.submit = page.getByTestId('filter-submit')
    this.rows = page.getByTestId('history-row')
    this.siteCells = page.getByTestId('cell-site')
    this.levelCells = page.getByTestId('cell-level')
    this.topPager = page.getByTestId('pager-top')
    this.pageInfo = this.topPager.getByTestId('page-info')
    this.next = this.topPager.getByRole('button').last()
    this.previous = this.topPager.getByRole('button').first()
    this.exportPanel = page.getByTestId('export-panel')
    this.exportCsv = page.getByTestId('export-csv')
    this.exportJsonl = page.getByTestId('export-jsonl')
    this.exportCount = page.getByTestId('export-count')
    this.refusal = page.getByTestId('export-refusal')
    this.empty = page.getByTestId('history-empty')
  }

  /** Waits until no search is running (the busy text is gone and the submit button is enabled). */
  async settled(): Promise<void> {
    await this.submit.and(this.page.locator(':enabled')).waitFor()
    await this.page.locator('.busy').first().waitFor({ state: 'detached' })
  }

  async search(filter: {
    site?: string
    direction?: string
    category?: string
    level?: string
    from?: string
    to?: string
    text?: string
  }): Promise<void> {
    await this.site.fill(filter.site ?? '')
    await this.direction.selectOption(filter.direction ?? '')
    await this.category.fill(filter.category ?? '')
    await this.level.selectOption(filter.level ?? '')
    await this.from.fill(filter.from ?? '')
    await this.to.fill(filter.to ?? '')
    await this.text.fill(filter.text ?? '')
    await this.submit.click()
    await this.settled()
  }

  firstRowTime(): Promise<string> {
    return this.rows.first().locator('td').first().innerText()
  }

  lastRowTime(): Promise<string> {
    return this.rows.last().locator('td').first().innerText()
  }
}
