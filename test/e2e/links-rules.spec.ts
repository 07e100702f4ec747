import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { writeDirectoryCsv, type CsvPerson } from '../support/directory-csv'
import { makePartnerCerts } from '../support/partner-certs'
import { startDaemon, type E2eDaemon } from './fixtures/daemon'
import { expectNoHorizontalOverflow } from './fixtures/overflow'
import { LinkRulesPage, type LinkTabName } from './pages/link-rules-page'

/**
 * 訪問設定 / 受入設定 / プレビュー / 訪問ログ as two admins use them: two real daemons linked (127.0.0.2 and
 * 127.0.0.3 at 443, as links-two-sites.spec.ts), each with its home directory imported from a CSV. A limits
 * its visitors to one department; B refuses one of A's departments; both previews say so, with the rule.
 */
test.describe.configure({ mode: 'serial' })
test.use({ viewport: { width: 1280, height: 800 } })

const addresses = ['127.0.0.2', '127.0.0.3'] as const
let sites: E2eDaemon[] = []
let linkIds: string[] = []

async function call<T = unknown>(daemon: E2eDaemon, method: string, input: unknown): Promise<T> {
  const token = new URL(daemon.url).hash.slice('#token='.length)
  const response = await fetch(`${daemon.origin}/api/call/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  })
  const body = (await response.json()) as { ok: boolean; value?: T; error?: unknown }
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`)
  return body.value as T
}

const homes: readonly {
  readonly departments: readonly (readonly [string, string, string | null])[]
  readonly people: readonly CsvPerson[]
}[] = [
  {
    departments: [
      ['HQ', '本社', null],
      ['SALES', '営業本部', 'HQ'],
      ['S1', '営業1課', 'SALES'],
      ['DEV', '開発部', 'HQ'],
    ],
    people: [
      { key: 'A001', name: '佐藤 一郎', dept: 'S1', position: '課長' },
      { key: 'A002', name: '鈴木 花子', dept: 'DEV' },
    ],
  },
  {
    departments: [
      ['BHQ', 'B本社', null],
      ['BSALES', 'B営業部', 'BHQ'],
    ],
    people: [{ key: 'B001', name: '高橋 次郎', dept: 'BSALES' }],
  },
]

async function setUp(
  daemon: E2eDaemon,
  index: 0 | 1,
  cert: { cert: string; key: string },
  caPem: string,
): Promise<void> {
  const address = addresses[index]
  const certFile = join(daemon.dataDir, 'endpoint-cert.pem')
  const keyFile = join(daemon.dataDir, 'endpoint-key.pem')
  writeFileSync(certFile, cert.cert)
  writeFileSync(keyFile, cert.key, { mode: 0o600 })
  await call(daemon, 'network.ca.add', { pem: caPem })
  await call(daemon, 'link.endpoint.update', {
    enabled: true,
    bindAddress: address,
    port: 443,
    certificate: { kind: 'pem', certFile, keyFile },
  })
  const name = index === 0 ? 'A東京' : 'B大阪'
  await call(daemon, 'link.site.update', {
    companyName: index === 0 ? '株式会社Aテスト' : '株式会社Bテスト',
    siteName: name,
    linkUrl: `https://${address}/`,
    adminName: `${name} 管理者`,
  })
  const home = homes[index]!
  const files = writeDirectoryCsv(daemon.dataDir, home.people, home.departments)
  await call(daemon, 'directory.config.update', { source: { kind: 'csv', ...files } })
  const plan = await call<{ fingerprint: string }>(daemon, 'directory.preview', { limit: 0 })
  await call(daemon, 'directory.run', { plan: plan.fingerprint })
}

/** The handshake through the API (links-two-sites.spec.ts clicks it), then one send each way. */
async function link(a: E2eDaemon, b: E2eDaemon): Promise<string[]> {
  const ticket = await call<{ url: string }>(a, 'link.request', {})
  const accepted = await call<{ summary: { id: string } }>(b, 'link.accept', { url: ticket.url })
  const list = await call<{ links: { id: string }[] }>(a, 'link.list', {})
  const aId = list.links[0]!.id
  await call(a, 'link.start', { id: aId, confirmPeak: true })
  await expect
    .poll(
      async () =>
        (await call<{ summary: { state: string } }>(b, 'link.get', { id: accepted.summary.id })).summary
          .state,
    )
    .toBe('linked')
  for (const [site, id] of [
    [a, aId],
    [b, accepted.summary.id],
  ] as const) {
    await expect
      .poll(
        async () =>
          (await call<{ summary: { sending: boolean; lastSendAt: number | null } }>(site, 'link.get', { id }))
            .summary.lastSendAt,
        { timeout: 60_000 },
      )
      .not.toBeNull()
  }
  await call(a, 'link.sendNow', { id: aId })
  await call(b, 'link.sendNow', { id: accepted.summary.id })
  return [aId, accepted.summary.id]
}

test.beforeAll(async () => {
  test.setTimeout(180_000)
  const certs = makePartnerCerts([...addresses])
  sites = [await startDaemon(), await startDaemon({ ownKeychain: true })]
  await setUp(sites[0]!, 0, certs.sites[0]!, certs.caPem)
  await setUp(sites[1]!, 1, certs.sites[1]!, certs.caPem)
  linkIds = await link(sites[0]!, sites[1]!)
})

test.afterAll(async () => {
  await Promise.all(sites.map((site) => site.stop()))
})

async function openTab(page: Page, index: 0 | 1, tab: LinkTabName): Promise<LinkRulesPage> {
  const links = new LinkRulesPage(page)
  await links.openTab(sites[index]!.url, tab)
  await expect(page).toHaveURL(new RegExp(`#/links/${linkIds[index]}/${tab}$`))
  return links
}

async function shot(links: LinkRulesPage, name: string): Promise<void> {
  await links.snapshot(name, true)
  await expectNoHorizontalOverflow(links.page, name)
}

test('A limits visits to 営業本部: its preview denies 開発部 and allows 営業1課 (sub-department)', async ({
  page,
  browser,
}) => {
  const a = await openTab(page, 0, 'visit')
  // Keyboard: the tabs move with the arrow keys and each has its own URL.
  await page.getByTestId('link-tab-visit').focus()
  await page.keyboard.press('ArrowRight')
  await expect(page).toHaveURL(new RegExp(`#/links/${linkIds[0]}/accept$`))
  await expect(page.getByTestId('link-tab-accept')).toBeFocused()
  await page.keyboard.press('ArrowLeft')
  await expect(page).toHaveURL(new RegExp(`#/links/${linkIds[0]}/visit$`))

  await expect(page.getByTestId('visit-everyone')).toBeChecked()
  await shot(a, 'links-rules-visit-default-ja')
  await page.getByTestId('visit-everyone').uncheck()
  await expect(page.getByTestId('visit-nobody')).toBeVisible()
  // Positions come from the home directory (directory.positions); one is added, then removed again.
  await page.getByTestId('visit-add-kind').selectOption('position')
  await page.getByTestId('visit-add-code').selectOption({ label: '課長' })
  await page.getByTestId('visit-add').click()
  await page.getByRole('button', { name: '課長 を削除' }).click()
  await expect(page.getByTestId('visit-nobody')).toBeVisible()
  await page.getByTestId('visit-add-kind').selectOption('department')
  await page.getByTestId('visit-add-code').selectOption('SALES')
  await page.getByTestId('visit-add').click()
  await expect(page.getByTestId('visit-targets')).toContainText('営業本部')
  await page.getByTestId('visit-save').click()
  await expect(page.getByTestId('visit-sync')).toContainText(/連携先へ送信待ち|連携先に反映済み/)
  await expect(page.getByTestId('visit-save')).toBeDisabled()
  await shot(a, 'links-rules-visit-ja')

  await page.getByTestId('link-tab-preview').click()
  await a.previewHome('鈴木 花子')
  await expect(page.getByTestId('preview-verdict')).toContainText('ログインできません')
  await a.previewHome('佐藤 一郎')
  await expect(page.getByTestId('preview-verdict')).toContainText('ログインできます')
  await expect(page.getByTestId('trail-visit-decisive')).toContainText('営業本部')
  await expect(page.getByTestId('visitors-table')).toContainText('鈴木 花子')
  await shot(a, 'links-rules-preview-ja')

  // The visit URL of an allowed person: shown with its 60 s countdown.
  await page.getByTestId('visit-issue').click()
  await expect(page.getByTestId('visit-url')).toHaveValue(/^https:\/\/127\.0\.0\.3\/renkei-link\/v1\/visit\//)
  await expect(page.getByTestId('visit-countdown')).toContainText(/00:[0-5]\d/)
  const url = await page.getByTestId('visit-url').inputValue()
  await page.getByTestId('link-tab-visits').click()
  await expect(page.getByTestId('visit-log-row').first()).toContainText('発行')

  // The visitor's browser opens it at B (the test CA is not the browser's): B's log has the visit.
  const visitor = await browser.newContext({ ignoreHTTPSErrors: true })
  await (await visitor.newPage()).goto(url)
  await visitor.close()
  const pageB = await browser.newPage()
  await openTab(pageB, 1, 'visits')
  const received = pageB.getByTestId('visit-log-row').filter({ hasText: '受入' })
  await expect(received.first()).toContainText('佐藤 一郎')
  await expect(received.first()).toHaveAttribute('data-decision', 'allowed')
})

test('B refuses A’s 営業本部 (なし): B’s incoming preview and A’s preview both deny 佐藤 with that rule', async ({
  browser,
}) => {
  const pageB = await browser.newPage()
  const b = await openTab(pageB, 1, 'accept')
  await expect(pageB.getByTestId('accept-level-global')).toContainText('参照')
  await expect(pageB.getByTestId('accept-legend')).toContainText('全体設定')
  // A refused rule set: the core's reason stays in the dialog, in Japanese, and nothing changes.
  await pageB.getByTestId('accept-level-global').getByTestId('accept-rule-edit').click()
  const globalDialog = pageB.getByTestId('accept-rule-dialog')
  await globalDialog.getByRole('button', { name: '範囲を追加' }).click()
  await globalDialog.getByRole('textbox', { name: 'アドレス範囲（カンマ区切り）' }).fill('not-an-address')
  await globalDialog.getByTestId('rule-save').click()
  await expect(globalDialog.getByRole('alert')).toContainText('not-an-address')
  await shot(b, 'links-rules-accept-error-ja')
  await globalDialog.getByRole('button', { name: 'キャンセル' }).click()
  await expect(globalDialog).toHaveCount(0)
  await expect(pageB.getByRole('alert')).toHaveCount(0)
  await expect(pageB.getByTestId('accept-level-global')).not.toContainText('詳細設定')

  await pageB.getByTestId('accept-add-scope').selectOption('department')
  await pageB.getByTestId('accept-add').click()
  const dialog = pageB.getByTestId('accept-rule-dialog')
  // A's tree as B received it: open 本社, choose 営業本部.
  await dialog.locator('li', { hasText: '本社' }).getByRole('button', { name: '開く' }).click()
  await dialog.getByTestId('partner-department-option').filter({ hasText: '営業本部' }).click()
  await expect(dialog.getByTestId('rule-department')).toHaveText('営業本部')
  await dialog.getByTestId('rule-permission').selectOption('none')
  await shot(b, 'links-rules-accept-dialog-ja')
  await dialog.getByTestId('rule-save').click()
  await expect(dialog).toHaveCount(0)
  await expect(pageB.getByTestId('accept-level-department')).toContainText('営業本部')
  await expect(pageB.getByTestId('accept-level-department')).toContainText('なし（ログイン不可）')
  await shot(b, 'links-rules-accept-ja')

  // Sent now rather than within the minute; B's accept rules reach A.
  const sendNow = pageB.getByTestId('accept-sync-send-now')
  if (await sendNow.isVisible()) await sendNow.click()
  await expect(pageB.getByTestId('accept-sync')).toContainText('連携先に反映済み', { timeout: 60_000 })

  await pageB.getByTestId('link-tab-preview').click()
  await pageB.getByTestId('preview-incoming').check()
  await b.previewPartner('佐藤 一郎')
  await expect(pageB.getByTestId('preview-verdict')).toContainText('ログインできません')
  await expect(pageB.getByTestId('trail-accept-decisive')).toContainText('営業本部')
  await shot(b, 'links-rules-preview-incoming-ja')

  const pageA = await browser.newPage()
  const a = await openTab(pageA, 0, 'preview')
  await a.previewHome('佐藤 一郎')
  await expect(pageA.getByTestId('preview-verdict')).toContainText('ログインできません')
  await expect(pageA.getByTestId('trail-accept-decisive')).toContainText('営業本部')
})

test('every tab in both languages fits 1280 px (screenshots for a person to look at)', async ({ page }) => {
  for (const language of ['ja', 'en'] as const) {
    const links = await openTab(page, 0, 'visit')
    if (language === 'en') await links.languageToggle.click()
    for (const tab of ['visit', 'accept', 'preview', 'visits'] as const) {
      await page.getByTestId(`link-tab-${tab}`).click()
      await expect(page.getByTestId(`link-tab-${tab}`)).toHaveAttribute('aria-selected', 'true')
      await expect(page.getByRole('status').filter({ hasText: /読み込み中|Loading/ })).toHaveCount(0)
      await shot(links, `links-rules-${tab}-a-${language}`)
    }
    if (language === 'en') await links.languageToggle.click()
  }
})
