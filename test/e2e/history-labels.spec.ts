import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { expect, test, type Page } from '@playwright/test'
import { startDaemon, type E2eDaemon } from './fixtures/daemon'
import { standardSeed } from './fixtures/seed-history'
import { AppPage } from './pages/app-page'
import { HistoryPage } from './pages/history-page'

/**
 * Issue 10 item 7 in both languages: category words instead of codes (table, filter, detail, CSV),
 * sites found by prefix with a pick list, a detail view of fields that never renders HTML, an export
 * that writes as many entries as the count said, and a CSV that names local entries' site.
 */
let daemon: E2eDaemon

test.beforeAll(async () => {
  daemon = await startDaemon({ seed: standardSeed() })
})

test.afterAll(async () => {
  await daemon?.stop()
})

const words = {
  ja: {
    calendar: 'カレンダー同期',
    audit: '管理操作',
    local: 'このマシン',
    show: '詳細を表示',
    count: '41 件を出力します。',
    category: '区分',
  },
  en: {
    calendar: 'Calendar sync',
    audit: 'Admin action',
    local: 'This machine',
    show: 'Show details',
    count: '41 entries will be exported.',
    category: 'Category',
  },
} as const

async function openHistory(page: Page, language: 'ja' | 'en'): Promise<HistoryPage> {
  const app = new AppPage(page)
  await app.open(daemon.url)
  if (language === 'en') {
    await app.languageToggle.click()
    await expect(app.navButton('dashboard')).toHaveText('Dashboard')
  }
  await app.go('history')
  const history = new HistoryPage(page)
  await history.settled()
  return history
}

async function download(page: Page, button: import('@playwright/test').Locator): Promise<string> {
  const downloadPromise = page.waitForEvent('download')
  await button.click()
  return readFileSync(await (await downloadPromise).path(), 'utf8')
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const size = await page
    .locator('html')
    .evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }))
  expect(size.scroll).toBeLessThanOrEqual(size.client)
}

for (const language of ['ja', 'en'] as const) {
  const w = words[language]

  test(`${language}: category words, a site found by its prefix, fields in the detail, the counted export`, async ({
    page,
  }) => {
    const history = await openHistory(page, language)
    // Among the newest entries are Renkei's own: words, never the codes.
    await expect(history.categoryCells.filter({ hasText: w.calendar }).first()).toBeVisible()
    await expect(history.categoryCells.filter({ hasText: w.audit }).first()).toBeVisible()
    for (const code of ['calendar', 'audit', 'directory'])
      await expect(history.categoryCells.filter({ hasText: new RegExp(`^${code}$`) })).toHaveCount(0)
    // The category filter offers the words, with the codes as values.
    await expect(history.category.locator('option[value="calendar"]')).toHaveText(w.calendar)
    await expect(history.category.locator('option[value="社員"]')).toHaveText('社員')
    // The pick list holds the known sites; 「山田」 finds 山田商事.
    await expect(history.siteList.locator('option[value="山田商事"]')).toHaveCount(1)
    await history.search({ site: '山田' })
    await expect(history.exportCount).toHaveText(w.count)
    expect(new Set(await history.siteCells.allInnerTexts())).toEqual(new Set(['山田商事']))
    await history.search({ site: '山田', category: 'calendar' })
    expect(new Set(await history.categoryCells.allInnerTexts())).toEqual(new Set([w.calendar]))

    // The detail: fields as a definition list, the HTML page collapsed and shown as text.
    await history.rows.first().getByRole('button', { name: w.show }).click()
    const detail = page.getByTestId('history-detail')
    await expect(detail.getByTestId('detail-category')).toHaveText(w.calendar)
    await expect(detail.getByRole('term').filter({ hasText: /^status$/ })).toBeVisible()
    const body = detail.getByTestId('detail-long')
    await expect(body).not.toHaveAttribute('open', /.*/)
    await expect(body.locator('summary')).toContainText('<!DOCTYPE html>')
    await expect(page.locator('#seed-html-heading')).toHaveCount(0)
    await expectNoSidewaysScroll(page)
    await history.snapshot(`history-detail-${language}`, true)
    await body.locator('summary').click()
    await expect(body.locator('pre')).toContainText('<h1 id="seed-html-heading">')

    // Two exports in a row write what the count said, though each writes an audit line this filter
    // matches: the first one's stays out of the second (it was 16 counted, 17 written).
    await history.search({ category: 'audit' })
    const counted = Number((await history.exportCount.innerText()).replace(/\D/g, ''))
    expect(counted).toBeGreaterThan(0)
    const first = await download(page, history.exportJsonl)
    const second = await download(page, history.exportJsonl)
    expect(first.trimEnd().split('\n')).toHaveLength(counted)
    expect(second.trimEnd().split('\n')).toHaveLength(counted)

    // The CSV: words for the category and for a local entry's site, in the screen's language.
    await history.search({ category: 'audit', text: 'groupware.password' })
    const csv = (parse(await download(page, history.exportCsv), { bom: true }) as string[][]).slice(1)
    expect(csv.map((row) => [row[1], row[3]])).toEqual([[w.local, w.audit]])
    await expectNoSidewaysScroll(page)
    await history.snapshot(`history-labels-${language}`)
  })
}
