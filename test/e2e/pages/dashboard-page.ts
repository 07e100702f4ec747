import type { Locator, Page } from '@playwright/test'

/** The dashboard: jobs table with per-row and global actions, links section. */
export class DashboardPage {
  readonly jobsSection: Locator
  readonly jobRows: Locator
  readonly jobsEmpty: Locator
  readonly linksEmpty: Locator

  constructor(readonly page: Page) {
    this.jobsSection = page.getByTestId('jobs-section')
    this.jobRows = page.getByTestId('job-row')
    this.jobsEmpty = page.getByTestId('jobs-empty')
    this.linksEmpty = page.getByTestId('links-empty')
  }
}
