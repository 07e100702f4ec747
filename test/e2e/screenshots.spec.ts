import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { calendarSettings } from '../../src/shared/model/calendar-config'
import { people, writeDirectoryCsv } from '../support/directory-csv'
import { startIcsFeedServer } from '../support/ics-feed-server'
import { startRadicale } from '../support/radicale'
import { startDaemon, type E2eDaemon } from './fixtures/daemon'
import { expectNoHorizontalOverflow, horizontalOverflow } from './fixtures/overflow'
import { standardSeed } from './fixtures/seed-history'
import { AppPage } from './pages/app-page'
import { CalendarPage } from './pages/calendar-page'
import { DirectoryPage } from './pages/directory-page'
import { HistoryPage } from './pages/history-page'

const defaultCalendarSettings = calendarSettings.parse({})

/**
 * Every screen in both languages, for a person to look at: test-results/screenshots/*.png — at the
 * 1280×800 the screens are made for, each asserted to have no horizontal overflow.
 */
let daemon: E2eDaemon

test.use({ viewport: { width: 1280, height: 800 } })

/** A screenshot of the window (or the whole page) that also fails when anything sticks out to the right. */
async function shot(app: AppPage, name: string, fullPage = false): Promise<void> {
  await app.snapshot(name, fullPage)
  await expectNoHorizontalOverflow(app.page, name)
}

test.beforeAll(async () => {
  daemon = await startDaemon({ seed: standardSeed() })
})

test.afterAll(async () => {
  await daemon?.stop()
})

async function shootAll(page: Page, app: AppPage, language: 'ja' | 'en'): Promise<void> {
  await app.go('dashboard')
  await expect(page.getByTestId('job-row').first()).toBeVisible()
  await shot(app, `dashboard-${language}`)
  // After a run the last-result column has an outcome and a message.
  await page.getByTestId('job-row').first().getByRole('button').first().click()
  await expect(page.locator('.outcome').first()).toBeVisible()
  await shot(app, `dashboard-after-run-${language}`)

  // Site link with no site set up yet; links.spec.ts shoots the list and detail with partner sites.
  await app.go('links')
  await expect(page.getByTestId('links-empty')).toBeVisible()
  await shot(app, `links-${language}`, true)

  await app.go('history')
  const history = new HistoryPage(page)
  await history.settled()
  await shot(app, `history-refusal-${language}`)
  await shot(app, `history-full-page-${language}`, true)
  await history.search({ site: 'B社', level: 'error' })
  await history.rows.first().getByRole('button').click()
  await shot(app, `history-filtered-${language}`)

  await app.go('settings')
  await expect(page.getByTestId('data-dir')).toBeVisible()
  await shot(app, `settings-${language}`, true)
}

test('screens in Japanese and English', async ({ page, browser }) => {
  const app = new AppPage(page)
  await app.open(daemon.url)
  // The overflow check itself: a block wider than the window is found and named.
  await page.locator('main').evaluate((main) => {
    const wide = main.ownerDocument.createElement('div')
    wide.id = 'too-wide'
    wide.style.width = '1400px'
    wide.textContent = 'x'
    main.append(wide)
  })
  expect(await horizontalOverflow(page)).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^document: scrollWidth/),
      expect.stringMatching(/<div class="">/),
    ]),
  )
  await page.locator('#too-wide').evaluate((wide) => wide.remove())
  await expectNoHorizontalOverflow(page, 'dashboard')
  await shootAll(page, app, 'ja')

  await app.languageToggle.click()
  await expect(app.navButton('dashboard')).toHaveText('Dashboard')
  await shootAll(page, app, 'en')
  await app.languageToggle.click()
  await expect(app.navButton('dashboard')).toHaveText('ダッシュボード')

  // The focus ring on the menu, as a keyboard user sees it.
  await page.reload()
  await app.navButton('dashboard').waitFor()
  await app.navButton('history').focus()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Shift+Tab')
  await shot(app, 'keyboard-focus-ja')

  const context = await browser.newContext()
  const denied = await context.newPage()
  await denied.goto(`${daemon.origin}/`)
  await expect(denied.getByTestId('access-denied')).toBeVisible()
  await denied.screenshot({ path: 'test-results/screenshots/access-denied.png' })
  await expectNoHorizontalOverflow(denied, 'access-denied')
  await context.close()
})

/** The Directory screen from empty to after a run, on its own daemon so the history shots stay as they are. */
test('directory screen in Japanese and English', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'renkei-shots-csv-'))
  const own = await startDaemon()
  try {
    const staff = [
      { key: 'E0001', name: '山田 太郎', email: 'yamada@example.jp', dept: 'HQ', position: '社長' },
      { key: 'E0002', name: '佐藤 花子', email: 'sato@example.jp', dept: 'SALES', position: '本部長' },
      ...people(6).map((p, i) => ({ ...p, key: `E01${i}`, status: i === 5 ? '休職' : '' })),
    ]
    const files = writeDirectoryCsv(dir, staff)
    const directory = new DirectoryPage(page)
    // The sticky top bar would cover the top of a scrolled-to section: let it scroll away for these shots.
    const shoot = async (testId: string, name: string) => {
      await page.getByTestId(testId).screenshot({
        path: `test-results/screenshots/${name}.png`,
        style: '.top-bar { position: static !important; }',
      })
      await expectNoHorizontalOverflow(page, name)
    }
    const toggle = async (title: string) => {
      await directory.languageToggle.click()
      await expect(directory.title).toHaveText(title)
    }
    await directory.open(own.url)
    await directory.openDirectory()
    await shot(directory, 'directory-empty-ja', true)

    await directory.chooseCsv(files.usersFile, files.departmentsFile)
    await directory.saveConfig()
    await directory.checkSource.click()
    await expect(directory.sourceCheckResult).toBeVisible()
    await directory.source.getByRole('button', { name: '社員ファイルの列の対応付け' }).click()
    await shoot('directory-source', 'directory-source-csv-ja')
    await directory.preview()
    await expect(directory.plan).toBeVisible()
    await shoot('directory-preview-section', 'directory-preview-ja')
    await toggle('Directory sync')
    await shoot('directory-preview-section', 'directory-preview-en')
    await toggle('ディレクトリ同期')

    await directory.runNow()
    await directory.department('S1').click()
    await expect(directory.people.first()).toBeVisible()
    await shoot('directory-status', 'directory-status-ja')
    await shoot('directory-home', 'directory-home-ja')
    await toggle('Directory sync')
    await shoot('directory-home', 'directory-home-en')
    await toggle('ディレクトリ同期')

    // The LDAP and SCIM forms with their warnings and inline problems (refused, so not saved).
    await directory.step('source')
    await directory.source.getByRole('radio', { name: 'LDAP' }).check()
    await directory.source.getByRole('radio', { name: '暗号化なし' }).check()
    await directory.step('target')
    await directory.target.getByRole('radio', { name: 'SCIM 2.0' }).check()
    await directory.save.click()
    await expect(directory.saveRefused).toBeVisible()
    await shot(directory, 'directory-forms-ja', true)

    await directory.go('dashboard')
    await expect(page.getByTestId('directory-summary')).toContainText('成功')
    await shot(directory, 'dashboard-directory-ja')
  } finally {
    await own.stop()
    rmSync(dir, { recursive: true, force: true })
  }
})

/** The Calendar screen: a synced user, one stopped by errors, one disabled; a user's settings with a failed check. */
test('calendar screen in Japanese and English', async ({ page, request }) => {
  test.setTimeout(240_000)
  const own = await startDaemon()
  const radicale = await startRadicale()
  const feeds = await startIcsFeedServer()
  try {
    const token = new URL(own.url).hash.replace(/^#token=/, '')
    const call = async (method: string, input: unknown): Promise<unknown> => {
      const response = await request.post(`${own.origin}/api/call/${method}`, {
        headers: { Authorization: `Bearer ${token}` },
        data: input,
      })
      const body = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown }
      if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`)
      return body.value
    }
    const users = [
      { id: 'u0001', number: 1, name: '山田 太郎', calendar: 'yamada' },
      { id: 'u0002', number: 2, name: '佐藤 花子', calendar: 'sato' },
      { id: 'u0003', number: 3, name: '鈴木 一郎', calendar: null },
    ]
    // A port that was free a moment ago: nothing answers there.
    const closedPort = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const address = server.address()
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 9))
      })
    })
    const closed = `http://127.0.0.1:${closedPort}/alice/closed/`
    for (const user of users) {
      const url = user.calendar ? await radicale.makeCalendar('alice', user.calendar) : closed
      await call('calendar.pairs.save', {
        id: user.id,
        number: user.number,
        name: user.name,
        source: { kind: 'ics', url: feeds.url('small') },
        target: { kind: 'caldav', url, username: 'alice' },
      })
      await call('secrets.set', { name: `calendar.${user.id}.target`, value: radicale.users.alice })
    }
    await call('calendar.run', { id: 'u0001' })
    await call('calendar.settings.update', { ...defaultCalendarSettings, autoStopErrors: 3 })
    for (let i = 0; i < 3; i++) await call('calendar.run', { id: 'u0003' })
    await call('calendar.permits.update', { permits: [{ id: 'u0002', permitted: false }] })

    const calendar = new CalendarPage(page)
    const toggle = async (title: string) => {
      await calendar.languageToggle.click()
      await expect(calendar.title).toHaveText(title)
    }
    await calendar.open(own.url)
    await calendar.openCalendar()
    await expect(calendar.rows).toHaveCount(3)
    await shot(calendar, 'calendar-list-ja', true)
    // Issue 10 item 5: the result of 今すぐ同期 in the row must not push the table past the window.
    const first = calendar.row('山田 太郎')
    await first.getByTestId('pair-run').click()
    await expect(first.getByTestId('run-summary').or(first.getByTestId('run-error'))).toBeVisible()
    await shot(calendar, 'calendar-list-after-run-ja', true)
    await toggle('Calendar sync')
    await shot(calendar, 'calendar-list-en', true)
    await toggle('カレンダー同期')

    await calendar.openUser('鈴木 一郎')
    await calendar.checkButton.click()
    await expect(calendar.checkResult).toBeVisible()
    await shot(calendar, 'calendar-user-ja', true)
    await toggle('Calendar sync')
    await shot(calendar, 'calendar-user-en', true)
    await toggle('カレンダー同期')

    await calendar.back.click()
    await calendar.addButton.click()
    await calendar.target.getByRole('radio', { name: 'Google カレンダー' }).check()
    await calendar.save.click()
    await expect(calendar.saveBar.getByRole('alert')).toBeVisible()
    // The refusal moved the focus (and the page) to the first problem: let the sticky top bar scroll away.
    await page.screenshot({
      path: 'test-results/screenshots/calendar-add-refused-ja.png',
      fullPage: true,
      style: '.top-bar { position: static !important; }',
    })
    await expectNoHorizontalOverflow(page, 'calendar-add-refused-ja')

    await calendar.go('dashboard')
    await expect(page.getByTestId('calendar-summary')).toContainText('有効(同期中) 1 人')
    await shot(calendar, 'dashboard-calendar-ja', true)
  } finally {
    await feeds.stop()
    await radicale.stop()
    await own.stop()
  }
})
