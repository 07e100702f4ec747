import { AppPage } from './app-page'

/** The sync-history screen: filter form, export panel, paged table. */
export class HistoryPage extends AppPage {
  readonly site = this.page.getByTestId('filter-site')
  readonly direction = this.page.getByTestId('filter-direction')
  readonly category = this.page.getByTestId('filter-category')
  readonly level = this.page.getByTestId('filter-level')
  readonly from = this.page.getByTestId('filter-from')
  readonly to = this.page.getByTestId('filter-to')
  readonly text = this.page.getByTestId('filter-text')
  readonly submit = this.page.getByTestId('filter-submit')
  readonly rows = this.page.getByTestId('history-row')
  readonly siteCells = this.page.getByTestId('cell-site')
  readonly levelCells = this.page.getByTestId('cell-level')
  readonly categoryCells = this.page.getByTestId('cell-category')
  readonly siteList = this.page.getByTestId('filter-site-list')
  readonly topPager = this.page.getByTestId('pager-top')
  readonly pageInfo = this.topPager.getByTestId('page-info')
  readonly next = this.topPager.getByRole('button').last()
  readonly previous = this.topPager.getByRole('button').first()
  readonly exportPanel = this.page.getByTestId('export-panel')
  readonly exportCsv = this.page.getByTestId('export-csv')
  readonly exportJsonl = this.page.getByTestId('export-jsonl')
  readonly exportCount = this.page.getByTestId('export-count')
  readonly refusal = this.page.getByTestId('export-refusal')
  readonly empty = this.page.getByTestId('history-empty')

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
    await this.category.selectOption(filter.category ?? '')
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
