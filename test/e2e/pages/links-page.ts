import type { Locator } from '@playwright/test'
import { AppPage } from './app-page'

/** The site link screen (`#/links`): home site, partner rows, request, accept, site settings; one site's detail. */
export class LinksPage extends AppPage {
  readonly home = this.page.getByTestId('links-home')
  readonly partners = this.page.getByTestId('links-partners')
  readonly partnerRows = this.page.getByTestId('partner-row')
  readonly empty = this.page.getByTestId('links-empty')

  readonly request = this.page.getByTestId('links-request')
  readonly requestIssue = this.page.getByTestId('request-issue')
  readonly requestUrl = this.page.getByTestId('request-url')
  readonly requestMail = this.page.getByTestId('request-mail')
  readonly countdown = this.page.getByTestId('request-countdown')
  readonly reissueConfirm = this.page.getByTestId('request-reissue-confirm')

  readonly accept = this.page.getByTestId('links-accept')
  readonly acceptUrl = this.page.getByTestId('accept-url')
  readonly acceptLoad = this.page.getByTestId('accept-load')
  readonly acceptPreview = this.page.getByTestId('accept-preview')
  readonly acceptConfirm = this.page.getByTestId('accept-confirm')

  readonly site = this.page.getByTestId('links-site')

  readonly presence = this.page.getByTestId('links-presence')
  readonly presenceRows = this.page.getByTestId('presence-row')
  readonly presenceForm = this.page.getByTestId('presence-form')

  presenceRow(employeeKey: string): Locator {
    return this.page.locator(`[data-testid="presence-row"][data-employee="${employeeKey}"]`)
  }

  /** Picks a home employee in the presence form, fills it and saves (fields left out stay as they are). */
  async setPresence(values: {
    readonly who?: string
    readonly kind?: string
    readonly destination?: string
    readonly returnAt?: string
    readonly note?: string
  }): Promise<void> {
    const form = this.presenceForm
    if (values.who !== undefined) {
      await form.getByTestId('employee-picker-open').click()
      await form.getByTestId('employee-option').filter({ hasText: values.who }).click()
    }
    if (values.kind !== undefined) await form.getByTestId('presence-kind').selectOption(values.kind)
    if (values.destination !== undefined)
      await form.getByTestId('presence-destination').fill(values.destination)
    if (values.returnAt !== undefined) await form.getByTestId('presence-return').fill(values.returnAt)
    if (values.note !== undefined) await form.getByTestId('presence-note').fill(values.note)
    await form.getByTestId('presence-save').click()
  }

  readonly detail = this.page.getByTestId('link-detail')
  readonly detailState = this.page.getByTestId('detail-state')
  readonly transitions = this.page.getByTestId('detail-transitions')

  row(linkId: string): Locator {
    return this.page.locator(`[data-testid="partner-row"][data-link="${linkId}"]`)
  }

  /** The detail's buttons: start, reject, pause, resume, relink, unlink. */
  action(name: 'start' | 'reject' | 'pause' | 'resume' | 'relink' | 'unlink'): Locator {
    return this.detail.getByTestId(`link-${name}`)
  }

  async saveSite(values: {
    readonly company?: string
    readonly siteName?: string
    readonly url?: string
    readonly admin?: string
  }): Promise<void> {
    if (values.company !== undefined) await this.page.getByTestId('site-company').fill(values.company)
    if (values.siteName !== undefined) await this.page.getByTestId('site-name').fill(values.siteName)
    if (values.url !== undefined) await this.page.getByTestId('site-url').fill(values.url)
    if (values.admin !== undefined) await this.page.getByTestId('site-admin').fill(values.admin)
    await this.page.getByTestId('site-save').click()
  }

  async load(url: string): Promise<void> {
    await this.acceptUrl.fill(url)
    await this.acceptLoad.click()
  }
}
