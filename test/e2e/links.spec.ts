import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { runCli } from '../support/cli'
import { writeDirectoryCsv } from '../support/directory-csv'
import { startDaemon, type E2eDaemon } from './fixtures/daemon'
import { expectNoHorizontalOverflow } from './fixtures/overflow'
import { seedLinks, type SeedLink } from './fixtures/seed-links'
import { DirectoryPage } from './pages/directory-page'
import { LinksPage } from './pages/links-page'

/**
 * Site link screens against one real daemon: site settings, the accept form's refusals, the request URL
 * with its countdown, and links as a handshake leaves them (list, detail actions by role, Dashboard).
 * Request → accept → start across two daemons needs the partner endpoint (HTTPS on 443) in the build.
 */
test.describe.configure({ mode: 'serial' })
test.use({ viewport: { width: 1280, height: 800 } })

let daemon: E2eDaemon

test.beforeAll(async () => {
  daemon = await startDaemon()
})

test.afterAll(async () => {
  await daemon?.stop()
})

const minute = 60_000
const base = Date.UTC(2026, 10, 20, 1, 0)
const transitions = (kinds: readonly SeedLink['transitions'][number]['kind'][], partner: string) =>
  kinds.map((kind, i) => ({
    kind,
    at: base + i * 13 * minute,
    actor: kind === 'accept' ? 'システム 管理者' : '桜川 弘',
    siteName: kind === 'accept' ? partner : 'A東京',
  }))

const seeded: readonly SeedLink[] = [
  {
    id: 'lnk_linked',
    company: '株式会社NIシステム',
    siteName: 'NIシステム',
    linkUrl: 'https://renkei.ni-system.example/',
    role: 'requester',
    state: 'linked',
    transitions: transitions(['request', 'accept', 'start'], 'NIシステム'),
  },
  {
    id: 'lnk_waiting',
    company: '株式会社NIマーケティング',
    siteName: 'NIマーケティング',
    linkUrl: 'https://renkei.ni-marketing.example/',
    role: 'requester',
    state: 'pending',
    transitions: transitions(['request', 'accept'], 'NIマーケティング'),
  },
  {
    id: 'lnk_accepted',
    company: '株式会社NIサポート',
    siteName: null,
    linkUrl: 'https://renkei.ni-support.example/',
    role: 'acceptor',
    state: 'pending',
    transitions: transitions(['request', 'accept'], '株式会社NIサポート'),
  },
  {
    id: 'lnk_old',
    company: '旧取引先株式会社',
    siteName: '旧取引先',
    linkUrl: 'https://renkei.old.example/',
    role: 'acceptor',
    state: 'unlinked',
    transitions: transitions(['request', 'accept', 'start', 'unlink'], '旧取引先'),
  },
]

test('site settings refuse a link URL off port 443 in place, then save', async ({ page }) => {
  const links = new LinksPage(page)
  await links.open(daemon.url)
  await links.go('links')
  await expect(links.empty).toBeVisible()
  await expect(links.requestIssue).toBeDisabled()

  await links.saveSite({
    company: '株式会社Aテスト',
    siteName: 'A東京',
    url: 'https://renkei-a.example.co.jp:8443/',
  })
  await expect(links.site.getByRole('alert')).toContainText('443ポートのみ')
  await expect(links.home.getByTestId('home-company')).toHaveText('（未設定）')

  await links.saveSite({ url: 'https://renkei-a.example.co.jp/' })
  await expect(page.getByRole('status').filter({ hasText: 'サイト設定を保存しました' })).toBeVisible()
  await expect(links.home.getByTestId('home-company')).toHaveText('株式会社Aテスト')
  await expect(links.requestIssue).toBeEnabled()
})

test('partner endpoint: a setting that cannot start is refused in place and changes nothing', async ({
  page,
}) => {
  const links = new LinksPage(page)
  await links.open(daemon.url)
  await links.go('links')
  const endpoint = page.getByTestId('links-endpoint')
  await expect(page.getByTestId('endpoint-status')).toHaveText('待ち受けていません')
  await page.getByTestId('endpoint-port').fill('４４３x')
  await page.getByTestId('endpoint-save').click()
  await expect(endpoint.getByRole('alert')).toContainText('ポートは 1〜65535 の数字で入力してください')

  // Enabled without a certificate: the core says what is missing; the listener stays off.
  await page.getByTestId('endpoint-port').fill('443')
  await page.getByTestId('endpoint-address').fill('127.0.7.9')
  await page.getByTestId('endpoint-enabled').check()
  await page.getByTestId('endpoint-save').click()
  await expect(endpoint.getByRole('alert')).toBeVisible()
  await page.reload()
  await expect(page.getByTestId('endpoint-status')).toHaveText('待ち受けていません')
  await expect(page.getByTestId('endpoint-enabled')).not.toBeChecked()
})

test('accept refuses a URL that is not a request, in place and in both languages, adding nothing', async ({
  page,
}) => {
  const links = new LinksPage(page)
  await links.open(`${daemon.url}`)
  await links.go('links')
  await links.load('https://renkei-b.example.co.jp/somewhere')
  await expect(links.accept.getByRole('alert')).toContainText('要求元から届いた')
  await expect(links.acceptPreview).toHaveCount(0)

  // A request URL whose site cannot be reached: loading fails, nothing is recorded.
  await links.load(`https://127.0.1.9/renkei-link/v1/request/${'x'.repeat(43)}`)
  await expect(links.accept.getByRole('alert')).toContainText('リンク要求を読み込めませんでした')
  await links.languageToggle.click()
  await expect(links.accept.getByRole('alert')).toContainText('could not be loaded')
  await links.languageToggle.click()
  await expect(links.acceptConfirm).toHaveCount(0)
  await expect(links.empty).toBeVisible()
})

test('links list and detail show each link with the actions its state and role allow', async ({ page }) => {
  seedLinks(daemon.dataDir, seeded)
  const links = new LinksPage(page)
  await links.open(daemon.url)
  await links.go('links')
  await expect(links.partnerRows).toHaveCount(4)
  await expect(links.row('lnk_linked').getByTestId('partner-state')).toHaveText('リンク中')
  await expect(links.row('lnk_waiting').getByTestId('partner-state')).toHaveText('開始待ち')
  await expect(links.row('lnk_old').getByTestId('partner-state')).toHaveText('リンク停止')
  // Seed: no date = never received.
  await expect(links.row('lnk_linked').getByTestId('link-receipts')).toHaveText('まだ何も受信していません')
  await expect(links.home.getByTestId('home-linked')).toHaveText('1 サイト')

  // The requester of a pending link decides; a refused reject (partner unreachable) changes nothing.
  await links.row('lnk_waiting').getByRole('link', { name: 'NIマーケティング' }).click()
  await expect(page).toHaveURL(/#\/links\/lnk_waiting$/)
  await expect(links.transitions).toContainText(
    'リンク受諾: 2026/11/20 (金) 10:13 システム 管理者 (NIマーケティング)',
  )
  await expect(links.action('start')).toBeVisible()
  await expect(links.action('unlink')).toHaveCount(0)
  await links.action('reject').click()
  await expect(page.getByRole('alert').first()).toContainText('何も変更していません')
  await expect(links.detailState).toHaveText('開始待ち')

  // The acceptor never sees start or reject; it may unlink.
  await page.goto(`${daemon.origin}/#/links/lnk_accepted`)
  await expect(links.detail).toBeVisible()
  await expect(links.action('start')).toHaveCount(0)
  await expect(links.action('reject')).toHaveCount(0)
  await expect(links.action('unlink')).toBeVisible()

  // A linked link: unlink and relink say what they do before doing it; pause is this side only.
  await page.goto(`${daemon.origin}/#/links/lnk_linked`)
  await links.action('unlink').click()
  await expect(page.getByTestId('confirm-unlink')).toContainText('スケジュールなど連携済みの情報は残ります')
  await page.getByTestId('confirm-unlink').getByRole('button', { name: 'キャンセル' }).click()
  await links.action('relink').click()
  await expect(page.getByTestId('confirm-relink')).toContainText('前月1日以降')
  await page.getByTestId('confirm-relink').getByRole('button', { name: 'キャンセル' }).click()
  await expect(links.detailState).toHaveText('リンク中')
  await links.action('pause').click()
  await expect(links.detailState).toHaveText('一時停止')
  await expect(links.action('resume')).toBeVisible()
  await expect(links.action('relink')).toHaveCount(0)
  await expect(links.transitions).toContainText('一時停止')
  await links.action('resume').click()
  await expect(links.detailState).toHaveText('リンク中')
  // A link that does not exist (an old bookmark): the core's message, and the way back.
  await page.goto(`${daemon.origin}/#/links/lnk_gone`)
  await expect(page.getByRole('alert')).toBeVisible()
  await page.getByTestId('detail-back').click()
  await expect(links.partnerRows).toHaveCount(4)
})

test('the Dashboard lists each live link with its health and opens its detail', async ({ page }) => {
  const links = new LinksPage(page)
  await links.open(daemon.url)
  const partners = page.getByTestId('link-partner')
  await expect(partners).toHaveCount(3)
  await page.locator('[data-testid="link-partner"][data-link="lnk_waiting"]').getByRole('button').click()
  await expect(page).toHaveURL(/#\/links\/lnk_waiting$/)
  await expect(links.detail).toBeVisible()
})

test('request: the URL is shown once with a mail draft and a live countdown; re-issuing warns', async ({
  page,
}) => {
  const links = new LinksPage(page)
  await links.open(daemon.url)
  await links.go('links')
  await links.requestIssue.click()
  const url = await links.requestUrl.inputValue()
  expect(url).toMatch(/^https:\/\/renkei-a\.example\.co\.jp\/renkei-link\/v1\/request\/[A-Za-z0-9_-]{22,}$/)
  await expect(links.requestMail).toHaveAttribute(
    'href',
    new RegExp(`^mailto:\\?subject=.*${encodeURIComponent(url)}`),
  )
  await expect(links.countdown).toHaveText(/有効期限まで 2[34]:\d\d:\d\d/)
  const first = await links.countdown.textContent()
  await expect(links.countdown).not.toHaveText(first ?? '')
  await links.requestIssue.click()
  await expect(links.reissueConfirm).toContainText('いま有効なリンクURLは使えなくなります')
  await links.reissueConfirm.getByRole('button', { name: 'リンクURLを再発行' }).click()
  await expect(links.requestUrl).not.toHaveValue(url)
  // Shown once: after a reload only the countdown is left.
  await page.reload()
  await expect(links.countdown).toBeVisible()
  await expect(links.requestUrl).toHaveCount(0)
})

/** More people than the screen looks up one by one (it reads the whole directory then). */
const busyDay = Array.from({ length: 21 }, (_, i) => `E${String(i + 3).padStart(4, '0')}`)

/** The day after YYYY-MM-DD, as the date field writes it. */
const nextDay = (date: string): string =>
  new Date(Date.parse(`${date}T00:00Z`) + 86_400_000).toISOString().slice(0, 10)

test('presence: set for a home employee, refused in place when the return time is wrong, shown by day, cleared', async ({
  page,
}) => {
  // Presence is for home employees: the home directory comes from a CSV import, as an admin would do it.
  const dir = mkdtempSync(join(tmpdir(), 'renkei-e2e-presence-'))
  try {
    const files = writeDirectoryCsv(dir, [
      { key: 'E0001', name: '山田 太郎', email: 'yamada@example.jp', dept: 'HQ' },
      { key: 'E0002', name: '佐藤 花子', email: 'sato@example.jp', dept: 'SALES' },
      ...busyDay.map((key, i) => ({ key, name: `営業 ${i + 1}号`, dept: 'S1' })),
    ])
    const directory = new DirectoryPage(page)
    await directory.open(daemon.url)
    await directory.openDirectory()
    await directory.chooseCsv(files.usersFile, files.departmentsFile)
    await directory.saveConfig()
    await directory.runNow()
    await expect(directory.homeCounts).toContainText(`社員 ${busyDay.length + 2} 人`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }

  const links = new LinksPage(page)
  await links.go('links')
  await expect(links.presence).toContainText('次の送信で届きます')
  await expect(links.presence.getByTestId('presence-empty')).toBeVisible()
  const today = await links.presence.getByTestId('presence-date').inputValue()
  expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/)

  await links.setPresence({ who: '佐藤 花子', kind: 'trip', destination: '大阪支社', returnAt: '25:00' })
  await expect(links.presenceForm.getByRole('alert')).toContainText('帰社日時「25:00」が正しくありません')
  await expect(links.presenceForm.getByRole('alert')).toContainText('何も変更していません')
  await expect(links.presence.getByTestId('presence-empty')).toBeVisible()

  // The refused form keeps what was typed: fixing the time is enough.
  await links.presenceForm.getByTestId('presence-return').fill('17:30')
  await links.presenceForm.getByTestId('presence-save').click()
  await expect(links.presenceRow('E0002')).toContainText('佐藤 花子')
  await expect(links.presenceRow('E0002')).toContainText('出張')
  await expect(links.presenceRow('E0002')).toContainText('大阪支社')
  await expect(links.presenceRow('E0002')).toContainText(`${today.replace(/-/g, '/')} `)
  await expect(links.presenceRow('E0002')).toContainText('17:30')
  await expect(links.presenceForm.getByRole('alert')).toHaveCount(0)
  await links.setPresence({ who: '山田 太郎', kind: 'meeting', destination: '第2会議室', note: '14時まで' })
  await expect(links.presenceRows).toHaveCount(2)
  await expect(links.presenceRow('E0001')).toContainText('会議')

  // Another day has its own entries; the form sets for the day shown.
  await links.presence.getByTestId('presence-date').fill(nextDay(today))
  await expect(links.presence.getByTestId('presence-empty')).toBeVisible()
  await expect(links.presenceForm).toContainText(`${nextDay(today)} の在席状況を設定`)
  await links.presence.getByTestId('presence-date').fill(today)
  await expect(links.presenceRows).toHaveCount(2)

  await expectNoHorizontalOverflow(page, 'links-presence-ja')
  await links.presence.scrollIntoViewIfNeeded()
  await links.snapshot('links-presence-ja')

  await links.languageToggle.click()
  await expect(links.presenceRow('E0002')).toContainText('On a business trip')
  await links.setPresence({ who: '山田 太郎', returnAt: '2026-02-30 10:00' })
  await expect(links.presenceForm.getByRole('alert')).toContainText('The date "2026-02-30" is not valid')
  await expect(links.presenceForm.getByTestId('presence-employee')).toHaveText('山田 太郎 (E0001)')
  await expect(links.presenceRow('E0001')).toContainText('In a meeting')
  await expectNoHorizontalOverflow(page, 'links-presence-en')
  await links.presence.scrollIntoViewIfNeeded()
  await links.snapshot('links-presence-en')
  await links.languageToggle.click()

  // Clear from the keyboard: the row goes, the other stays.
  const clear = links.presenceRow('E0002').getByRole('button', { name: '佐藤 花子 の在席状況をクリア' })
  await clear.focus()
  await page.keyboard.press('Enter')
  await expect(links.presenceRow('E0002')).toHaveCount(0)
  await expect(links.presenceRows).toHaveCount(1)
  await page.reload()
  await expect(links.presenceRows).toHaveCount(1)
  await expect(links.presenceRow('E0001')).toContainText('第2会議室')
})

test('presence on a busy day: every entry shows its name, also when set from the CLI', async ({ page }) => {
  const links = new LinksPage(page)
  await links.open(daemon.url)
  await links.go('links')
  const today = await links.presence.getByTestId('presence-date').inputValue()
  for (const key of busyDay) {
    const result = runCli(['--data-dir', daemon.dataDir, 'presence', 'set', key, today, 'out'])
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  }
  await page.reload()
  await expect(links.presenceRows).toHaveCount(busyDay.length + 1)
  await expect(links.presenceRow('E0003')).toContainText('営業 1号')
  await expect(links.presenceRow('E0023')).toContainText('営業 21号')
  await expect(links.presenceRow('E0001')).toContainText('山田 太郎')
  await expectNoHorizontalOverflow(page, 'links-presence-busy')
})

test('screens in Japanese and English', async ({ page }) => {
  const links = new LinksPage(page)
  await links.open(daemon.url)
  for (const language of ['ja', 'en'] as const) {
    await links.go('links')
    await expect(links.partnerRows).toHaveCount(4)
    await links.snapshot(`links-list-${language}`, true)
    await expectNoHorizontalOverflow(page, `links-list-${language}`)
    // A fresh URL (the request test left one live, so this is a re-issue).
    await links.requestIssue.click()
    await links.reissueConfirm.getByRole('button').first().click()
    await expect(links.requestUrl).toBeVisible()
    await links.request.scrollIntoViewIfNeeded()
    await links.snapshot(`links-request-${language}`)
    await links.load(`https://127.0.1.9/renkei-link/v1/request/${'x'.repeat(43)}`)
    await expect(links.accept.getByRole('alert')).toBeVisible()
    await links.accept.scrollIntoViewIfNeeded()
    await links.snapshot(`links-accept-error-${language}`)
    await page.goto(`${daemon.origin}/#/links/lnk_linked`)
    await expect(links.detail).toBeVisible()
    await links.snapshot(`links-detail-${language}`)
    await expectNoHorizontalOverflow(page, `links-detail-${language}`)
    await links.action('unlink').click()
    await links.snapshot(`links-detail-unlink-${language}`)
    await page.goto(`${daemon.origin}/#/dashboard`)
    await expect(page.getByTestId('link-partner').first()).toBeVisible()
    await page.getByTestId('links-section').scrollIntoViewIfNeeded()
    await links.snapshot(`links-dashboard-${language}`)
    if (language === 'ja') await links.languageToggle.click()
  }
})
