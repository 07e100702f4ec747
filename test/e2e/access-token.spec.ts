import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { startDaemon, type E2eDaemon } from './fixtures/daemon'
import { SettingsPage } from './pages/settings-page'

/** Its own daemon: every test here makes the URLs of the one before stop working. */
let daemon: E2eDaemon
/** The URL that works now: each test rotates it. */
let currentUrl: string

test.beforeAll(async () => {
  daemon = await startDaemon()
  currentUrl = daemon.url
})

test.afterAll(async () => {
  await daemon?.stop()
})

function tokenOf(url: string): string {
  return /#token=([A-Za-z0-9_-]+)/.exec(url)![1]!
}

async function status(request: APIRequestContext, token: string): Promise<number> {
  const response = await request.post(`${daemon.origin}/api/call/app.status`, {
    headers: { Authorization: `Bearer ${token}` },
    data: {},
  })
  return response.status()
}

const words = {
  ja: {
    rotate: '再発行',
    confirm: '再発行する',
    open: '新しい URL で開き直す',
    group: 'Renkei 本体',
    bookmarks: 'ブックマーク',
  },
  en: {
    rotate: 'Issue new',
    confirm: 'Issue a new token',
    open: 'Open the new URL',
    group: 'Renkei itself',
    bookmarks: 'bookmark',
  },
} as const

/** Rotates from the Settings screen in `language`; returns the URL the screen shows. */
async function rotate(page: Page, url: string, language: 'ja' | 'en'): Promise<string> {
  const settings = new SettingsPage(page)
  const w = words[language]
  await settings.open(url)
  await settings.go('settings')
  const group = page.getByTestId('secret-group-app')
  await expect(group.getByRole('heading')).toHaveText(w.group)
  const row = settings.secretRow('daemon.access-token')
  await expect(row).toContainText(w.bookmarks)
  // Rotated, never cleared: no clear button for the token.
  await expect(row.getByRole('button')).toHaveText(w.rotate)
  await row.getByRole('button').click()
  await expect(row.getByTestId('secret-confirm')).toContainText(w.bookmarks)
  await settings.snapshot(`settings-token-confirm-${language}`)
  await row.getByRole('button', { name: w.confirm }).click()
  const newUrl = page.getByTestId('new-url')
  await expect(newUrl).toHaveValue(new RegExp(`^${daemon.origin}/#token=`))
  await settings.snapshot(`settings-token-new-url-${language}`)
  return newUrl.inputValue()
}

for (const language of ['ja', 'en'] as const) {
  test(`rotating the access token (${language}): the old URL is refused, the new one opens the app`, async ({
    page,
    request,
  }) => {
    const current = currentUrl
    if (language === 'en') {
      const call = await request.post(`${daemon.origin}/api/call/settings.update`, {
        headers: { Authorization: `Bearer ${tokenOf(current)}` },
        data: { language: 'en' },
      })
      expect(call.status()).toBe(200)
    }
    const fresh = await rotate(page, current, language)
    expect(tokenOf(fresh)).not.toBe(tokenOf(current))
    expect(await status(request, tokenOf(current))).toBe(401)
    expect(await status(request, tokenOf(fresh))).toBe(200)

    await page.getByRole('button', { name: words[language].open }).click()
    // Reloaded with the new token: the screen answers (the data directory comes from the API).
    const settings = new SettingsPage(page)
    await expect(page.getByTestId('token-rotated')).toHaveCount(0)
    await settings.go('settings')
    await expect(settings.dataDir).toHaveValue(daemon.dataDir)
    await expect(settings.accessDenied).toHaveCount(0)
    await settings.snapshot(`settings-token-rotated-${language}`, true)

    // A bookmark with the old token shows the access screen instead of the app.
    const old = await page.context().newPage()
    await old.goto(current)
    await expect(new SettingsPage(old).accessDenied).toBeVisible()
    await old.close()
    currentUrl = fresh
  })
}
