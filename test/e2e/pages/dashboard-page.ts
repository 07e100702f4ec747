import { AppPage } from './app-page'

/** The dashboard: jobs table with per-row and global actions, links section. */
export class DashboardPage extends AppPage {
  readonly jobsSection = this.page.getByTestId('jobs-section')
  readonly jobRows = this.page.getByTestId('job-row')
  readonly jobsEmpty = this.page.getByTestId('jobs-empty')
  readonly linksEmpty = this.page.getByTestId('links-empty')
}
