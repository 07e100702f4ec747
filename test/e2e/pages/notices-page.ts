import type { Locator } from '@playwright/test'
import { AppPage } from './app-page'

/** The screen's tabs in their order (as `noticeTabs` of the renderer's routes). */
export const noticeTabs = [
  'targets',
  'templates',
  'optins',
  'queue',
  'events',
  'sources',
  'settings',
] as const
export type NoticeTab = (typeof noticeTabs)[number]

/** The Notices screen (`#/notices/<tab>`): targets, templates, opt-in, queue, history, sources, settings. */
export class NoticesPage extends AppPage {
  readonly targetDialog = this.page.getByTestId('target-dialog')
  readonly targetRows = this.page.getByTestId('target-row')
  readonly templateSubject = this.page.getByTestId('template-subject')
  readonly templateBody = this.page.getByTestId('template-body')
  readonly preview = this.page.getByTestId('template-preview')
  readonly messageRows = this.page.getByTestId('message-row')
  readonly eventRows = this.page.getByTestId('event-row')

  tab(tab: NoticeTab): Locator {
    return this.page.getByTestId(`notice-tab-${tab}`)
  }

  panel(tab: NoticeTab): Locator {
    return this.page.getByTestId(`notice-panel-${tab}`)
  }

  async openTab(tab: NoticeTab): Promise<void> {
    await this.tab(tab).click()
    await this.panel(tab).waitFor()
  }

  targetRow(id: string): Locator {
    return this.page.locator(`[data-testid="target-row"][data-target="${id}"]`)
  }

  optInRow(employeeKey: string): Locator {
    return this.page.locator(`[data-testid="optin-row"][data-employee="${employeeKey}"]`)
  }

  /** Adds an SMTP target through its dialog (plain SMTP on loopback, the charset given). */
  async addSmtpTarget(values: {
    readonly id: string
    readonly name: string
    readonly port: number
    readonly charset: 'utf-8' | 'iso-2022-jp'
  }): Promise<void> {
    await this.page.getByTestId('target-new-kind').selectOption('smtp')
    await this.page.getByTestId('target-add').click()
    const dialog = this.targetDialog
    await dialog.getByTestId('target-id').fill(values.id)
    await dialog.getByTestId('target-name').fill(values.name)
    await dialog.getByTestId('target-smtp-host').fill('127.0.0.1')
    await dialog.getByTestId('target-smtp-port').fill(String(values.port))
    await dialog.getByTestId('target-smtp-security').selectOption('none')
    await dialog.getByTestId('target-smtp-from').fill('renkei@a.example.jp')
    await dialog.getByTestId('target-smtp-charset').selectOption(values.charset)
    await dialog.getByTestId('target-save').click()
    await dialog.waitFor({ state: 'hidden' })
  }
}
