import { expect, test } from '@playwright/test'
import { startDaemon, type E2eDaemon } from './fixtures/daemon'
import { expectNoHorizontalOverflow } from './fixtures/overflow'
import { seedCopiedDataDir } from './fixtures/seed-machine'
import type { SeedLink } from './fixtures/seed-links'
import { LinksPage } from './pages/links-page'

/**
 * Test copies: a daemon started on a data directory copied from another machine pauses every link at
 * start and says so on the Dashboard and the Links screen; 「この端末で再開」 (after its confirmation)
 * resumes them, 「テスト用のコピーなので停止のまま」 leaves a calm notice. The partners are unreachable
 * names (.invalid): their failure stays on each link.
 */
test.describe.configure({ mode: 'serial' })
test.use({ viewport: { width: 1280, height: 800 } })

let daemons: E2eDaemon[] = []

const at = Date.UTC(2026, 10, 20, 1, 0)
const linked = (id: string, company: string, host: string): SeedLink => ({
  id,
  company,
  siteName: null,
  linkUrl: `https://${host}/`,
  role: 'requester',
  state: 'linked',
  transitions: ['request', 'accept', 'start'].map((kind, i) => ({
    kind: kind as SeedLink['transitions'][number]['kind'],
    at: at + i * 60_000,
    actor: '桜川 弘',
    siteName: 'A東京',
  })),
})

/** A daemon started on a data directory copied from another machine, with two linked partners. */
async function copiedSite(): Promise<E2eDaemon> {
  const daemon = await startDaemon({
    prepare: (dataDir) =>
      seedCopiedDataDir(dataDir, [
        linked('lnk_ni', '株式会社NIシステム', 'renkei.ni-system.invalid'),
        linked('lnk_sakura', 'さくら商事株式会社', 'renkei.sakura.invalid'),
      ]),
  })
  daemons.push(daemon)
  return daemon
}

test.afterEach(async () => {
  await Promise.all(daemons.map((daemon) => daemon.stop()))
  daemons = []
})

const machinePaused = '一時停止（別の端末で起動）'

test('a copied data directory shows why its links are paused; 「この端末で再開」 resumes them', async ({
  page,
}) => {
  const daemon = await copiedSite()
  const links = new LinksPage(page)
  await links.open(daemon.url)
  const banner = page.getByTestId('machine-banner')
  await expect(links.screen('dashboard')).toBeVisible()
  await expect(banner).toContainText('このデータフォルダーは別の端末（または別のフォルダー）で動いています')
  await expect(banner.getByTestId('machine-paused-links').getByRole('listitem')).toHaveText([
    '株式会社NIシステム',
    'さくら商事株式会社',
  ])
  await links.snapshot('machine-changed-dashboard-ja')

  await links.go('links')
  await expect(banner).toBeVisible()
  await expect(links.row('lnk_ni').getByTestId('partner-state')).toHaveText(machinePaused)
  await links.snapshot('machine-changed-ja')
  await expectNoHorizontalOverflow(page, 'machine-changed-ja')

  // Keyboard: the button is reachable and asks first; Cancel changes nothing.
  await banner.getByTestId('machine-resume-here').focus()
  await page.keyboard.press('Enter')
  const confirm = page.getByTestId('confirm-resume-here')
  await expect(confirm).toBeVisible()
  await confirm.getByRole('button', { name: 'キャンセル' }).click()
  await expect(confirm).toBeHidden()
  await expect(links.row('lnk_ni').getByTestId('partner-state')).toHaveText(machinePaused)

  await banner.getByTestId('machine-resume-here').click()
  await confirm.getByRole('button', { name: 'この端末で再開' }).click()
  await expect(banner).toBeHidden()
  await expect(page.getByRole('status').filter({ hasText: 'この端末で再開しました' })).toBeVisible()
  await expect(links.row('lnk_ni').getByTestId('partner-state')).toHaveText('リンク中')
  await expect(links.row('lnk_sakura').getByTestId('partner-state')).toHaveText('リンク中')
  await links.snapshot('machine-resumed-ja')
})

test('「テスト用のコピーなので停止のまま」 leaves a calm notice and the links paused', async ({ page }) => {
  const daemon = await copiedSite()
  const links = new LinksPage(page)
  await links.open(daemon.url)
  await links.go('links')
  await page.getByTestId('machine-keep-paused').click()
  await expect(page.getByTestId('machine-banner')).toBeHidden()
  const note = page.getByTestId('machine-test-copy')
  await expect(note).toContainText('テスト用のコピーとして停止中（リンク 2 件）')
  await expect(links.row('lnk_sakura').getByTestId('partner-state')).toHaveText(machinePaused)
  await links.snapshot('machine-test-copy-ja')

  // Still on the Dashboard after a reload: the notice comes from the core, not from the click.
  await page.reload()
  await links.go('dashboard')
  await expect(note).toBeVisible()
})
