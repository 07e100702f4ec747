import type { Locator } from '@playwright/test'
import { AppPage } from './app-page'

/**
 * The dashboard, health first: what needs attention, the 7-day chart of runs and errors, the jobs table
 * with per-row and global actions, and the engines/links with their health.
 */
export class DashboardPage extends AppPage {
  readonly attention = this.page.getByTestId('attention-section')
  readonly attentionRows = this.page.getByTestId('attention-row')
  readonly attentionNone = this.page.getByTestId('attention-none')
  readonly chart = this.page.getByTestId('runs-chart')
  readonly chartDays = this.page.getByTestId('chart-day')
  readonly jobsSection = this.page.getByTestId('jobs-section')
  readonly jobRows = this.page.getByTestId('job-row')
  readonly jobsEmpty = this.page.getByTestId('jobs-empty')
  readonly links = this.page.getByTestId('links-section')
  readonly plannedLinks = this.page.getByTestId('link-planned')

  /** The attention row of a user or engine, found by the name it shows. */
  attentionRow(name: string): Locator {
    return this.attentionRows.filter({
      has: this.page.getByTestId('attention-name').getByText(name, { exact: true }),
    })
  }

  /** The engine's row in the links section ('directory', 'calendar'). */
  linkRow(engine: string): Locator {
    return this.page.locator(`[data-testid="link-row"][data-engine="${engine}"]`)
  }

  job(id: string): Locator {
    return this.page.locator(`[data-testid="job-row"][data-job-id="${id}"]`)
  }
}
