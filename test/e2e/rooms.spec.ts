/**
 * The Rooms screen against the real daemon: every tab at its own URL, keyboard tabs, 1280 px in both
 * languages, the core's answers shown in place (no Mailman here: a run's refusal is the answer shown).
 */
import { expect, test } from '@playwright/test'
import { testEmployee, testSnapshot, writeHome } from '../support/exchange-sites'
import { startDaemon, type E2eDaemon } from './fixtures/daemon'
import { daemonApi } from './fixtures/daemon-api'
import { expectNoHorizontalOverflow } from './fixtures/overflow'
import { RoomsPage, roomTabs } from './pages/rooms-page'

let daemon: E2eDaemon

test.use({ viewport: { width: 1280, height: 800 } })

test.beforeAll(async () => {
  daemon = await startDaemon({
    prepare: (dataDir) =>
      writeHome(dataDir, {
        ...testSnapshot(
          [1, 2, 3].map((n) =>
            testEmployee(n, { nameJa: `山田 ${n}郎`, groups: n < 3 ? ['comm-sales'] : [] }),
          ),
        ),
        groups: [{ code: 'comm-sales', nameJa: '営業部会', nameEn: 'Sales' }],
      }),
  })
})

test.afterAll(async () => {
  await daemon?.stop()
})

test('every tab has its own URL, arrows move between them, and each fits 1280 px in both languages', async ({
  page,
}) => {
  const rooms = new RoomsPage(page)
  await rooms.open(daemon.url)
  await rooms.go('rooms')
  await expect(page).toHaveURL(/#\/rooms\/communities$/)
  await expect(rooms.title).toHaveText('会議室の自動生成')
  for (const language of ['ja', 'en'] as const) {
    for (const tab of roomTabs) {
      await rooms.openTab(tab)
      await expect(page).toHaveURL(new RegExp(`#/rooms/${tab}$`))
      await expect(rooms.tab(tab)).toHaveAttribute('aria-selected', 'true')
      await rooms.settled(tab)
      await expectNoHorizontalOverflow(page, `rooms/${tab} (${language})`)
      await rooms.snapshot(`rooms-${tab}-${language}`, true)
    }
    if (language === 'ja') await rooms.languageToggle.click()
  }
  await expect(rooms.title).toHaveText('Room provisioning')
  await rooms.languageToggle.click()

  // Keyboard: the current tab takes the focus; arrows, Home and End open the tab reached.
  await rooms.tab('history').focus()
  await page.keyboard.press('Home')
  await expect(page).toHaveURL(/#\/rooms\/communities$/)
  await expect(rooms.tab('communities')).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await expect(page).toHaveURL(/#\/rooms\/preview$/)
  await expect(rooms.tab('preview')).toBeFocused()
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowLeft')
  await expect(page).toHaveURL(/#\/rooms\/history$/)
  await page.keyboard.press('End')
  await expect(rooms.tab('history')).toBeFocused()
  // Back walks the tabs; a bookmark opens one directly; an unknown tab is the Dashboard, never a blank page.
  await page.goBack()
  await expect(page).toHaveURL(/#\/rooms\/communities$/)
  await page.goto(`${daemon.origin}/#/rooms/notices`)
  await expect(rooms.panel('notices')).toBeVisible()
  await page.goto(`${daemon.origin}/#/rooms/nowhere`)
  await expect(rooms.screen('dashboard')).toBeVisible()
})

test("the history tab links to the History screen filtered to category 'rooms'", async ({ page }) => {
  const rooms = new RoomsPage(page)
  await rooms.open(daemon.url)
  await page.goto(`${daemon.origin}/#/rooms/history`)
  await rooms.panel('history').getByTestId('rooms-history-all').click()
  await expect(page).toHaveURL(/#\/history\?category=rooms$/)
  await expect(rooms.screen('history')).toBeVisible()
})

test('the parameter form shows its refusal in place and saves nothing, not even the password', async ({
  page,
  request,
}) => {
  const call = daemonApi(daemon, request)
  const before = await call('rooms.settings.get', {})
  const rooms = new RoomsPage(page)
  await rooms.open(daemon.url)
  await page.goto(`${daemon.origin}/#/rooms/parameters`)
  const form = rooms.settingsForm
  await expect(form.getByText('会議室準備期間最大値')).toBeVisible()

  // Not a number: the form's own refusal, before anything is sent.
  await form.getByTestId('rooms-param-preparationPeriodMaxDays').fill('')
  await form.getByLabel('REST パスワード').fill('pw-never-stored')
  await rooms.settingsSave.click()
  await expect(rooms.settingsBar.getByRole('alert')).toContainText('会議室準備期間最大値')

  // A number the core refuses (beyond 36,500 days): its ja/en answer, in place.
  await form.getByTestId('rooms-param-preparationPeriodMaxDays').fill('99999')
  await form.getByLabel('REST パスワード').fill('pw-never-stored')
  await rooms.settingsSave.click()
  await expect(rooms.settingsBar.getByRole('alert')).toContainText('会議室準備期間最大値')
  await rooms.languageToggle.click()
  await expect(rooms.settingsBar.getByRole('alert')).toContainText('maximum preparation period')
  await expectNoHorizontalOverflow(page, 'rooms/parameters refused (en)')
  await rooms.snapshot('rooms-parameters-refused-en', true)
  await rooms.languageToggle.click()

  expect(await call('rooms.settings.get', {})).toEqual(before)
  const secrets = await call('secrets.list', {})
  expect(secrets.find((s) => s.name === 'rooms.mailman.password')?.set ?? false).toBe(false)
})

test('a community row opens its 23 values with the rule behind each, in both languages', async ({
  page,
  request,
}) => {
  await daemonApi(daemon, request)('rooms.settings.update', {
    enabled: true,
    communities: { codes: ['comm-sales'], defaultOwner: 'E000001' },
    target: { roomBaseUrl: 'https://rooms.example.co.jp/room/' },
  })
  const rooms = new RoomsPage(page)
  await rooms.open(daemon.url)
  await page.goto(`${daemon.origin}/#/rooms/communities`)
  const row = page.locator('[data-testid="community-row"][data-community="comm-sales"]')
  await row.getByTestId('community-open').click()
  await expect(row.getByTestId('community-open')).toHaveAttribute('aria-expanded', 'true')
  const values = page.getByTestId('community-detail').getByTestId('room-default-row')
  // Item 1 holds two names (ja and en): 24 rows for the 23 items of table F-2.
  await expect(values).toHaveCount(24)
  const items = await values.locator('td.room-item').allTextContents()
  expect(new Set(items).size).toBe(23)
  for (const rule of await values.locator('td.room-rule').allTextContents()) expect(rule.trim()).not.toBe('')
  await expect(values.filter({ hasText: '会議室状態' })).toContainText('会議中')
  await expectNoHorizontalOverflow(page, 'rooms/communities detail (ja)')
  await rooms.snapshot('rooms-community-detail-ja', true)
  await rooms.languageToggle.click()
  await expect(values.first().locator('td.room-rule')).not.toHaveText(/[ぁ-ん]/)
  await rooms.snapshot('rooms-community-detail-en', true)
  await rooms.languageToggle.click()
})

test('「実行」 and 「通知メールを送信」 ask first, Escape keeps everything, and the answer is shown in place', async ({
  page,
}) => {
  const rooms = new RoomsPage(page)
  await rooms.open(daemon.url)
  for (const [tab, action] of [
    ['preview', 'rooms-run'],
    ['notices', 'rooms-send-notices'],
  ] as const) {
    await page.goto(`${daemon.origin}/#/rooms/${tab}`)
    await rooms.settled(tab)
    const block = page.getByTestId(action)
    await block.getByTestId(`${action}-start`).click()
    const question = block.getByTestId(`${action}-confirm`)
    await expect(question).toContainText('よろしいですか')
    await expect(block.getByTestId(`${action}-yes`)).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(question).toBeHidden()
    await expect(block.getByRole('status').or(block.getByRole('alert'))).toHaveCount(0)
    await block.getByTestId(`${action}-start`).click()
    await block.getByTestId(`${action}-yes`).click()
    // The core's outcome (or its refusal: no Mailman is set up here), in place and in Japanese.
    await expect(block.getByRole('status').or(block.getByRole('alert')).first()).toContainText(
      /[ぁ-んァ-ン一-龯]/,
    )
    await rooms.snapshot(`rooms-${tab}-answered-ja`, true)
  }
})
