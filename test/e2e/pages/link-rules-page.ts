import { expect, type Locator } from '@playwright/test'
import { LinksPage } from './links-page'

export type LinkTabName = 'overview' | 'visit' | 'accept' | 'preview' | 'visits'

/** One partner's tabs (`#/links/<id>/visit` …): 訪問設定, 受入設定, プレビュー, 訪問ログ. */
export class LinkRulesPage extends LinksPage {
  readonly verdict = this.page.getByTestId('preview-verdict')
  readonly result = this.page.getByTestId('preview-result')

  tab(name: LinkTabName): Locator {
    return this.page.getByTestId(`link-tab-${name}`)
  }

  /** From the list: the first partner row, then the tab (which must become the selected one). */
  async openTab(url: string, name: LinkTabName): Promise<void> {
    await this.open(url)
    await this.go('links')
    await this.partnerRows.first().getByRole('link').click()
    await this.tab(name).click()
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true')
  }

  /** 自社の社員: picks a home employee in the preview and waits for the answer about them. */
  async previewHome(name: string): Promise<void> {
    await this.page.getByTestId('employee-picker-open').click()
    await this.page.getByTestId('employee-option').filter({ hasText: name }).click()
    await expect(this.page.getByTestId('preview-person')).toContainText(name)
    await expect(this.result).toContainText(name)
  }

  /** 連携先の社員: searches the partner directory in the preview and waits for the answer. */
  async previewPartner(name: string): Promise<void> {
    const picker = this.page.getByTestId('preview-partner-picker')
    await picker.getByRole('searchbox').fill(name)
    await picker.getByRole('searchbox').press('Enter')
    await picker.getByTestId('partner-person-option').filter({ hasText: name }).click()
    await expect(this.result).toContainText(name)
  }
}
