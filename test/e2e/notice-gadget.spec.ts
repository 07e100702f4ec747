import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import { startDaemon, type RunningDaemon } from '../../src/main/daemon'
import { testEmployee, testSnapshot, writeHome } from '../support/exchange-sites'

/**
 * The portal gadget in a portal page, in Chromium: a portal on 127.0.0.2 (listed in portalOrigins) frames the
 * gadget served by the daemon on 127.0.0.1; a notice arrives and appears live with its unread mark. A portal on
 * 127.0.0.3 (not listed) is refused by the browser (frame-ancestors). Everything goes through the API an admin
 * or a groupware uses: portalOrigins and the opt-in are set with notice.settings.update / notice.optins.set,
 * notices arrive with notice.events.ingest (the intake writes the inbox row and emits 'notice.inbox').
 */
// The daemon runs in this process: the same zone as the browser and the fixture's daemon.
process.env.TZ = 'Asia/Tokyo'
test.describe.configure({ mode: 'serial' })
test.use({ viewport: { width: 400, height: 640 } })

const yamada = testEmployee(1, { nameJa: '山田 太郎', nameEn: 'Taro Yamada' })
const sato = testEmployee(2, { nameJa: '佐藤 花子', nameEn: 'Hanako Sato' })
let daemon: RunningDaemon
let dataDir: string
let listed: Server
let unlisted: Server
/** The portal page at `/` frames Yamada's gadget in Japanese, `/en` Sato's in English, `/admin` the admin's. */
const gadgetUrls = { ja: '', en: '', admin: '' }

/** A portal page: a 320 px column with the gadget in an iframe, as a groupware portal shows it. */
function portal(host: string): Promise<Server> {
  const server = createServer((req, res) => {
    const src =
      { '/en': `${gadgetUrls.en}?lang=en`, '/admin': gadgetUrls.admin }[req.url ?? ''] ?? gadgetUrls.ja
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    res.end(`<!doctype html><meta charset="utf-8"><title>portal</title>
<body style="margin:0;background:#dde3ea;font-family:sans-serif"><div style="width:320px;margin:8px;background:#fff">
<div style="padding:6px;background:#2d5f8b;color:#fff">ポータル / Portal</div>
<iframe title="gadget" src="${src}" style="width:320px;height:520px;border:0;display:block"></iframe></div></body>`)
  })
  return new Promise((resolve) => server.listen(0, host, () => resolve(server)))
}
const originOf = (server: Server): string => {
  const { address, port } = server.address() as AddressInfo
  return `http://${address}:${port}`
}

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'renkei-e2e-gadget-'))
  writeHome(dataDir, testSnapshot([yamada, sato]))
  listed = await portal('127.0.0.2')
  unlisted = await portal('127.0.0.3')
  daemon = await startDaemon({
    dataDir,
    port: 0,
    version: 'e2e',
    rendererRoot: mkdtempSync(join(tmpdir(), 'renkei-e2e-renderer-')),
    secrets: new MemorySecretStore(),
  })
  const api = daemon.core.api
  await api['notice.settings.update']({ portalOrigins: [originOf(listed)] })
  await api['notice.optins.set']({ scope: 'everyone', code: '', kinds: ['schedule.changed'], enabled: true })
  gadgetUrls.ja = (await api['notice.gadget.url']({ employeeKey: yamada.key })).url
  gadgetUrls.en = (await api['notice.gadget.url']({ employeeKey: sato.key })).url
  gadgetUrls.admin = (await api['notice.gadget.url']({})).url
})

test.afterAll(async () => {
  listed?.close()
  unlisted?.close()
  await daemon?.stop()
})

let sequence = 0
/** A schedule change for the employee arrives as the groupware would hand it in. */
async function arrive(title: string, employeeKey = yamada.key): Promise<void> {
  sequence += 1
  const result = await daemon.core.api['notice.events.ingest']({
    source: 'manual',
    event: {
      id: `e2e-${sequence}`,
      kind: 'schedule.changed',
      addressees: [employeeKey],
      fields: {
        when: '2026/12/02 10:00 ~ 11:00',
        changedOn: '2026/12/01 17:20',
        changedBy: '中野 愛',
        registeredFor: '山田 太郎, 佐藤 花子',
        title,
        place: '第1会議室',
        oldWhen: '2026/12/02 09:00 ~ 10:00',
      },
    },
  })
  expect(result.optedIn).toBe(1)
}

async function openPortal(page: Page, origin: string, lang = ''): Promise<ReturnType<Page['frameLocator']>> {
  await page.goto(`${origin}/${lang}`)
  return page.frameLocator('iframe[title="gadget"]')
}

test('a portal not in portalOrigins is refused by the browser (frame-ancestors)', async ({ page }) => {
  const refusals: string[] = []
  page.on('console', (message) => {
    if (message.text().includes('frame-ancestors')) refusals.push(message.text())
  })
  const gadget = await openPortal(page, originOf(unlisted))
  await expect.poll(() => refusals.length).toBeGreaterThan(0)
  await expect(gadget.getByTestId('gadget-unread')).toHaveCount(0)
})

test('a listed portal frames the gadget; a new notice appears live with an unread mark (ja)', async ({
  page,
}) => {
  const gadget = await openPortal(page, originOf(listed))
  await expect(gadget.getByText('お知らせはまだありません。')).toBeVisible()
  await expect(gadget.getByTestId('gadget-unread')).toHaveText('未読はありません')
  await arrive('<script>alert(1)</script>週次定例（営業部）')
  const item = gadget.getByTestId('gadget-notice').first()
  await expect(item).toContainText('<script>alert(1)</script>週次定例（営業部）')
  await expect(item).toHaveClass(/unread/)
  await expect(item.locator('.dot')).toBeVisible()
  await expect(gadget.getByTestId('gadget-unread')).toHaveText('未読 1 件')
  await arrive('予算会議の時間変更について')
  await expect(gadget.getByTestId('gadget-notice')).toHaveCount(2)
  await expect(gadget.getByTestId('gadget-unread')).toHaveText('未読 2 件')
  await expect(gadget.getByTestId('gadget-notice').first()).toContainText('場所: 第1会議室')
  await page.screenshot({ path: 'test-results/screenshots/notice-gadget-ja.png' })

  await gadget.getByTestId('gadget-notice').first().click()
  await expect(gadget.getByTestId('gadget-unread')).toHaveText('未読 1 件')
  await gadget.getByRole('button', { name: '既読にする' }).click()
  await expect(gadget.getByTestId('gadget-unread')).toHaveText('未読はありません')
  await expect(gadget.locator('li.unread')).toHaveCount(0)
})

test('the English gadget shows a new notice live too', async ({ page }) => {
  // Another employee, so the live line is the only notice on the page.
  const gadget = await openPortal(page, originOf(listed), 'en')
  await expect(gadget.getByRole('button', { name: 'Mark read' })).toBeVisible()
  await arrive('Quarterly review moved to Friday', sato.key)
  await expect(gadget.getByTestId('gadget-notice').first()).toContainText('Quarterly review moved to Friday')
  await expect(gadget.getByTestId('gadget-unread')).toHaveText('1 unread')
  await page.screenshot({ path: 'test-results/screenshots/notice-gadget-en.png' })
})

test('the admin gadget shows every engine with its state, live', async ({ page }) => {
  const gadget = await openPortal(page, originOf(listed), 'admin')
  const table = gadget.getByTestId('gadget-health')
  for (const engine of ['ディレクトリ同期', 'カレンダー同期', 'サイト間リンク', 'お知らせ中継']) {
    await expect(table.locator('li.engine', { hasText: engine })).toBeVisible()
  }
  const relay = table.locator('li.engine', { hasText: 'お知らせ中継' })
  await expect(relay).toHaveAttribute('data-state', 'never-run')
  // The first notice leaves through a webhook (the portal's server answers 200): the relay turns ok, live.
  await daemon.core.api['notice.targets.save']({
    target: { id: 'hook', name: 'Webhook', kind: 'webhook', recipient: '{key}' },
    secrets: { url: `${originOf(listed)}/hook`, signing: 'e2e-signing-secret-0123456789' },
  })
  await arrive('管理者ガジェットの確認')
  await expect(relay).toHaveAttribute('data-state', 'ok')
  await page.screenshot({ path: 'test-results/screenshots/notice-gadget-admin-ja.png' })
})
