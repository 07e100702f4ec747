import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { writeDirectoryCsv, type CsvPerson } from '../support/directory-csv'
import { startDaemon, type E2eDaemon } from './fixtures/daemon'
import type { SeedEntry } from './fixtures/seed-history'
import { AppPage } from './pages/app-page'
import { CalendarPage } from './pages/calendar-page'
import { DirectoryPage } from './pages/directory-page'
import { HistoryPage } from './pages/history-page'

type Language = 'ja' | 'en'
const languages: readonly Language[] = ['ja', 'en']

/** 40 lines of two sites; 10 of B社's 20 are errors. */
function smallSeed(now = Date.now()): SeedEntry[] {
  return Array.from({ length: 40 }, (_, i) => {
    const site = i % 2 === 0 ? 'A社' : 'B社'
    const level = site === 'B社' && i % 4 === 1 ? 'error' : 'info'
    return {
      uid: `routing-${i}`,
      ts: now - (i + 1) * 60_000,
      site,
      direction: 'receive',
      category: 'calendar',
      level,
      message: `${site} の ${level} ${i}`,
      detail: { index: i },
    } satisfies SeedEntry
  })
}

let daemon: E2eDaemon

test.beforeAll(async () => {
  daemon = await startDaemon({ seed: smallSeed() })
})

test.afterAll(async () => {
  await daemon?.stop()
})

/** At 1280 px nothing scrolls sideways; the page is also saved for a person to look at. */
async function shot(app: AppPage, name: string): Promise<void> {
  const overflow = await app.page.evaluate(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  )
  expect(overflow).toBeLessThanOrEqual(0)
  await app.snapshot(name, true)
}

/** The address bar never shows the token, whatever the screen. */
async function expectNoToken(page: Page): Promise<void> {
  const href = page.url()
  expect(href).not.toContain('token')
  expect(href).not.toContain(daemon.url.split('#token=')[1]!)
}

async function openIn(page: Page, language: Language): Promise<AppPage> {
  const app = new AppPage(page)
  await app.open(daemon.url)
  await expect(app.screen('dashboard')).toBeVisible()
  await expect(page).toHaveURL(/#\/dashboard$/)
  await expectNoToken(page)
  const wanted = language === 'ja' ? 'ダッシュボード' : 'Dashboard'
  if ((await app.title.innerText()) !== wanted) await app.languageToggle.click()
  await expect(app.title).toHaveText(wanted)
  return app
}

for (const language of languages) {
  test(`Back, Forward and reload keep the screen, the step and the filter (${language})`, async ({
    page,
  }) => {
    const app = await openIn(page, language)
    const directory = new DirectoryPage(page)
    const history = new HistoryPage(page)

    await app.go('directory')
    await expect(page).toHaveURL(/#\/directory\/source$/)
    await directory.step('preview')
    await expect(page).toHaveURL(/#\/directory\/preview$/)
    await expect(directory.stepLink('preview')).toHaveAttribute('aria-current', 'step')

    await app.go('history')
    await expect(page).toHaveURL(/#\/history$/)
    await history.settled()
    await expect(history.siteCells.filter({ hasText: 'A社' }).first()).toBeVisible()
    await history.site.fill('B社')
    await history.level.selectOption('error')
    await history.submit.click()
    await history.settled()
    await expect(page).toHaveURL(/#\/history\?site=B%E7%A4%BE&level=error$/)
    await expect(history.rows).toHaveCount(10)

    // Reload: the same filter, in the form and in the table.
    await page.reload()
    await history.settled()
    await expect(history.site).toHaveValue('B社')
    await expect(history.level).toHaveValue('error')
    await expect(history.rows).toHaveCount(10)
    await expect(history.siteCells).toHaveText(Array(10).fill('B社'))
    await expectNoToken(page)

    await page.goBack()
    await expect(page).toHaveURL(/#\/history$/)
    await history.settled()
    await expect(history.siteCells.filter({ hasText: 'A社' }).first()).toBeVisible()
    await expect(history.level).toHaveValue('')
    await page.goBack()
    await expect(directory.root).toHaveAttribute('data-step', 'preview')
    await expect(directory.previewButton).toBeVisible()
    await page.goBack()
    await expect(directory.root).toHaveAttribute('data-step', 'source')
    await expect(directory.source).toBeVisible()

    await page.goForward()
    await expect(directory.root).toHaveAttribute('data-step', 'preview')
    await page.reload()
    await expect(directory.root).toHaveAttribute('data-step', 'preview')
    await expect(app.navButton('directory')).toHaveAttribute('aria-current', 'page')
    await page.goForward()
    await page.goForward()
    await expect(page).toHaveURL(/#\/history\?site=B%E7%A4%BE&level=error$/)
    await history.settled()
    await expect(history.rows).toHaveCount(10)
    await expectNoToken(page)
  })

  test(`a calendar user has its own URL (${language})`, async ({ page, request }) => {
    const token = daemon.url.split('#token=')[1]!
    const saved = await request.post(`${daemon.origin}/api/call/calendar.pairs.save`, {
      headers: { Authorization: `Bearer ${token}` },
      data: {
        id: `u-${language}`,
        number: language === 'ja' ? 11 : 12,
        name: `経路 ${language}`,
        source: { kind: 'ics', url: 'https://calendar.example.invalid/feed.ics' },
        target: { kind: 'caldav', url: 'https://dav.example.invalid/cal/', username: 'alice' },
      },
    })
    expect(saved.ok()).toBe(true)
    await openIn(page, language)
    const calendar = new CalendarPage(page)
    await calendar.openCalendar()
    await expect(page).toHaveURL(/#\/calendar$/)
    await calendar.openUser(`経路 ${language}`)
    await expect(page).toHaveURL(new RegExp(`#/calendar/users/u-${language}$`))

    await page.reload()
    await expect(calendar.editor).toContainText(`経路 ${language}`)
    await page.goBack()
    await expect(page).toHaveURL(/#\/calendar$/)
    await expect(calendar.users).toBeVisible()
    await expect(calendar.editor).toHaveCount(0)
    await page.goForward()
    await expect(calendar.editor).toContainText(`経路 ${language}`)
    // The screen's own "back to the list" is a step back too: the name it came from has the focus.
    await calendar.back.click()
    await expect(page).toHaveURL(/#\/calendar$/)
    await expect(calendar.row(`経路 ${language}`).getByTestId('pair-name')).toBeFocused()
    await expectNoToken(page)
  })
}

test('an unknown or broken route opens the Dashboard, not a blank page', async ({ page }) => {
  const app = await openIn(page, 'ja')
  for (const hash of ['#/nowhere', '#/directory/delete-all', '#/calendar/users/', '#/history/x']) {
    // The same document with another hash, as a typed or pasted address is.
    await page.goto(`${daemon.origin}/${hash}`)
    await expect(page).toHaveURL(/#\/dashboard$/)
    await expect(app.screen('dashboard')).toBeVisible()
  }
})

test('a bookmark opened without the token explains itself in both languages', async ({ browser }) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  const app = new AppPage(page)
  await page.goto(`${daemon.origin}/#/history?level=error`)
  await expect(app.accessDenied).toContainText('アクセストークンがありません')
  await expect(app.accessDenied).toContainText('ブックマークや共有されたリンク')
  await expect(app.accessDenied).toContainText('Bookmarks and shared links')
  await shot(app, 'routing-access-denied')
  // The daemon's URL in that tab, then the link works there.
  await page.goto(daemon.url)
  await expect(app.screen('dashboard')).toBeVisible()
  await page.goto(`${daemon.origin}/#/history?level=error`)
  await page.reload()
  await expect(app.screen('history')).toBeVisible()
  await expect(new HistoryPage(page).level).toHaveValue('error')
  await context.close()
})

/** Five people; 鈴木 moves from 営業1課 (S1) to 営業本部 (SALES) in the second file. */
const staff: readonly CsvPerson[] = [
  { key: 'E0001', name: '山田 太郎', dept: 'HQ' },
  { key: 'E0002', name: '佐藤 花子', dept: 'SALES' },
  { key: 'E0003', name: '鈴木 一郎', dept: 'S1' },
]

test('the directory steps are links the keyboard walks; the preview names departments with codes', async ({
  page,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'renkei-e2e-routing-'))
  try {
    const files = writeDirectoryCsv(dir, staff)
    const app = await openIn(page, 'ja')
    const directory = new DirectoryPage(page)
    await app.go('directory')
    // Saved from another step, a problem on the source step opens that step, marked, with its field focused.
    await directory.chooseCsv('', files.departmentsFile)
    await directory.step('schedule')
    await directory.save.click()
    await expect(page).toHaveURL(/#\/directory\/source$/)
    await expect(directory.source.getByLabel('社員ファイル', { exact: true })).toBeFocused()
    await expect(directory.stepLink('source').getByTestId('step-problem')).toHaveText(
      '⚠（入力に問題があります）',
    )
    await expect(directory.stepLink('schedule').getByTestId('step-problem')).toHaveCount(0)
    await directory.chooseCsv(files.usersFile, files.departmentsFile)
    await directory.saveConfig()
    await expect(directory.steps.getByTestId('step-problem')).toHaveCount(0)
    await shot(app, 'routing-directory-source-ja')

    // Keyboard: focus the step links and open "target" with Enter.
    await directory.stepLink('source').focus()
    await page.keyboard.press('Tab')
    await expect(directory.stepLink('target')).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/#\/directory\/target$/)
    await expect(directory.target).toBeVisible()
    await expect(directory.source).toBeHidden()
    await expect(directory.stepLink('target')).toHaveAttribute('aria-current', 'step')
    await page.getByTestId('step-next').click()
    await expect(directory.schedule).toBeVisible()
    await shot(app, 'routing-directory-schedule-ja')

    await directory.runNow()
    await expect(directory.homeCounts).toContainText('社員 3 人')
    await shot(app, 'routing-directory-run-ja')

    writeDirectoryCsv(dir, [...staff.slice(0, 2), { ...staff[2]!, dept: 'SALES' }])
    await directory.preview()
    const moved = directory.planRows.filter({ hasText: '鈴木 一郎' })
    await expect(moved).toContainText(/営業1課 \(S1\)\s*→\s*営業本部 \(SALES\)/)
    await shot(app, 'routing-directory-preview-ja')
    await app.languageToggle.click()
    await expect(app.title).toHaveText('Directory sync')
    await expect(moved).toContainText(/営業1課 \(S1\)\s*→\s*営業本部 \(SALES\)/)
    await expect(directory.stepLink('preview')).toHaveText(/Preview/)
    await shot(app, 'routing-directory-preview-en')
    await directory.step('target')
    await shot(app, 'routing-directory-target-en')
    await directory.step('preview')
    await page.reload()
    await expect(directory.root).toHaveAttribute('data-step', 'preview')
    await app.languageToggle.click()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
