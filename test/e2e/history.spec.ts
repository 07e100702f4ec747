import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { startDaemon, type E2eDaemon } from './fixtures/daemon'
import { standardSeed, type SeedEntry } from './fixtures/seed-history'
import { AppPage } from './pages/app-page'
import { HistoryPage } from './pages/history-page'

let daemon: E2eDaemon
let seed: SeedEntry[]

test.beforeAll(async () => {
  seed = standardSeed()
  daemon = await startDaemon({ seed })
})

test.afterAll(async () => {
  await daemon?.stop()
})

async function openHistory(page: import('@playwright/test').Page): Promise<HistoryPage> {
  const app = new AppPage(page)
  await app.open(daemon.url)
  await app.go('history')
  const history = new HistoryPage(page)
  await history.settled()
  return history
}

/** The browser runs in Asia/Tokyo (playwright.config.ts): local midnight of a yyyy-mm-dd day there. */
function tokyoMidnight(day: string): number {
  return Date.parse(`${day}T00:00:00+09:00`)
}

function tokyoDay(ms: number): string {
  return new Date(ms + 9 * 3_600_000).toISOString().slice(0, 10)
}

test('shows the newest 100 entries first, with the labels of the seed', async ({ page }) => {
  const history = await openHistory(page)
  await expect(history.rows).toHaveCount(100)
  for (const label of ['日時', 'サイト', '連携方向', '区分', 'レベル', '内容']) {
    await expect(page.getByRole('columnheader', { name: label, exact: true })).toBeVisible()
  }
  await expect(history.pageInfo).toHaveText('1 ページ目（1～100 件目）')
  await expect(page.getByTestId('retention-note')).toHaveText('1年以上前のログは自動的に削除されます。')
  // Newest first: times never increase down the page.
  const times = await history.rows.locator('td:first-child').allInnerTexts()
  expect([...times].sort().reverse()).toEqual(times)
})

test('filters by site and level', async ({ page }) => {
  const history = await openHistory(page)
  await expect(page.getByLabel('サイト', { exact: true })).toBeVisible()

  await history.search({ site: 'B社' })
  await expect(history.rows).toHaveCount(100)
  expect(new Set(await history.siteCells.allInnerTexts())).toEqual(new Set(['B社']))
  await expect(history.exportCount).toHaveText('1,000 件を出力します。')

  await history.search({ site: 'B社', level: 'error' })
  expect(new Set(await history.siteCells.allInnerTexts())).toEqual(new Set(['B社']))
  expect(new Set(await history.levelCells.allInnerTexts())).toEqual(new Set(['エラー']))
  await expect(history.exportCount).toHaveText('250 件を出力します。')

  await history.search({ site: 'C社' })
  await expect(history.empty).toHaveText('条件に一致するログはありません。')
  await expect(history.exportCsv).toBeDisabled()
})

test('Enter in a field submits the search', async ({ page }) => {
  const history = await openHistory(page)
  await history.site.fill('B社')
  await history.site.press('Enter')
  await history.settled()
  await expect(history.exportCount).toHaveText('1,000 件を出力します。')
  expect(new Set(await history.siteCells.allInnerTexts())).toEqual(new Set(['B社']))
})

test('filters by period: the end day is included', async ({ page }) => {
  const history = await openHistory(page)
  const day = tokyoDay(Date.now() - 3 * 86_400_000)
  const from = tokyoMidnight(day)
  const expected = seed.filter((e) => e.site === 'B社' && e.ts >= from && e.ts < from + 86_400_000).length
  await history.search({ site: 'B社', from: day, to: day })
  await expect(history.exportCount).toHaveText(`${expected} 件を出力します。`)
  await expect(history.rows).toHaveCount(expected)
  const prefix = day.replaceAll('-', '/')
  for (const time of await history.rows.locator('td:first-child').allInnerTexts())
    expect(time.startsWith(prefix)).toBe(true)
})

test('pages with next and previous (keyset cursors)', async ({ page }) => {
  const history = await openHistory(page)
  const firstOfPage1 = await history.firstRowTime()
  const lastOfPage1 = await history.lastRowTime()
  await expect(history.previous).toBeDisabled()

  await history.next.click()
  await history.settled()
  await expect(history.pageInfo).toHaveText('2 ページ目（101～200 件目）')
  expect((await history.firstRowTime()) <= lastOfPage1).toBe(true)
  await history.next.click()
  await history.settled()
  await expect(history.pageInfo).toHaveText('3 ページ目（201～300 件目）')

  await history.previous.click()
  await history.settled()
  await history.previous.click()
  await history.settled()
  await expect(history.pageInfo).toHaveText('1 ページ目（1～100 件目）')
  expect(await history.firstRowTime()).toBe(firstOfPage1)
})

test('the last page of a filter has no next page', async ({ page }) => {
  const history = await openHistory(page)
  await history.search({ site: 'B社', level: 'error' })
  for (let i = 1; i < 3; i++) {
    await history.next.click()
    await history.settled()
  }
  await expect(history.pageInfo).toHaveText('3 ページ目（201～250 件目）')
  await expect(history.rows).toHaveCount(50)
  await expect(history.next).toBeDisabled()
})

test('a row expands to show its fields', async ({ page }) => {
  const history = await openHistory(page)
  await history.search({ site: 'B社' })
  const toggle = history.rows.first().getByRole('button', { name: '詳細を表示' })
  await toggle.click()
  const detail = page.getByTestId('history-detail').first()
  await expect(detail.getByRole('term').filter({ hasText: 'requestId' })).toBeVisible()
  await expect(detail.getByRole('definition').filter({ hasText: /^req-B社-/ })).toBeVisible()
  await expect(history.rows.first().getByRole('button', { name: '詳細を隠す' })).toHaveAttribute(
    'aria-expanded',
    'true',
  )
})

test('refuses an export of more than 10,000 entries before any click', async ({ page }) => {
  const history = await openHistory(page)
  // No filter: 12,000 entries.
  await expect(history.refusal).toContainText('ログは10,000件まで一度に出力できます。')
  await expect(history.refusal).toContainText('出力対象が10,000件以下になるように調整してください')
  await expect(history.refusal).toContainText('10,000 件を超えています')
  await expect(history.exportCsv).toBeDisabled()
  await expect(history.exportJsonl).toBeDisabled()

  await history.search({ site: 'A社' })
  await expect(history.refusal).toBeVisible()
  await expect(history.exportCsv).toBeDisabled()
})

test('exports a CSV with a BOM and one line per entry', async ({ page }) => {
  const history = await openHistory(page)
  await history.search({ site: 'B社' })
  await expect(history.exportCsv).toBeEnabled()
  const downloadPromise = page.waitForEvent('download')
  await history.exportCsv.click()
  const download = await downloadPromise
  expect(download.suggestedFilename()).toMatch(/\.csv$/)
  const bytes = readFileSync(await download.path())
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const lines = bytes
    .toString('utf8')
    .slice(1)
    .split('\r\n')
    .filter((line) => line !== '')
  expect(lines).toHaveLength(1 + 1_000)
  expect(lines[0]).toContain('日時')
  expect(lines.slice(1).every((line) => line.includes('B社'))).toBe(true)
  await expect(history.exportPanel.getByRole('status').filter({ hasText: '1,000 件を' })).toBeVisible()
})

test('exports JSON Lines for a filter under the limit', async ({ page }) => {
  const history = await openHistory(page)
  await history.search({ site: 'B社', level: 'warning' })
  const downloadPromise = page.waitForEvent('download')
  await history.exportJsonl.click()
  const download = await downloadPromise
  expect(download.suggestedFilename()).toMatch(/\.jsonl$/)
  const lines = readFileSync(await download.path(), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
  expect(lines).toHaveLength(250)
  expect(lines.every((line) => (JSON.parse(line) as { level: string }).level === 'warning')).toBe(true)
})
