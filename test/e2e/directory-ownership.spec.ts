import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { writeDirectoryCsv, type CsvPerson } from '../support/directory-csv'
import { startScimServer, type RunningScimServer } from '../support/scim-server'
import { startDaemon, type E2eDaemon } from './fixtures/daemon'
import { DirectoryPage } from './pages/directory-page'

const staff: readonly CsvPerson[] = [
  { key: 'E0001', login: 'yamada', name: '山田 太郎', email: 'yamada@example.jp', dept: 'HQ' },
  { key: 'E0002', login: 'sato', name: '佐藤 花子', email: 'sato@example.jp', dept: 'S1' },
]

let daemon: E2eDaemon
let scim: RunningScimServer
let dir: string

test.beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'renkei-e2e-own-'))
  scim = await startScimServer()
  daemon = await startDaemon()
})

test.afterEach(async () => {
  await daemon?.stop()
  await scim?.stop()
  rmSync(dir, { recursive: true, force: true })
})

/** An account another client made: `yamada` (the same login as E0001) and an IdP account of its own. */
async function foreign(userName: string, externalId?: string): Promise<void> {
  const response = await fetch(`${scim.baseUrl}/Users`, {
    method: 'POST',
    headers: { authorization: `Bearer ${scim.token}`, 'content-type': 'application/scim+json' },
    body: JSON.stringify({ userName, displayName: userName, ...(externalId ? { externalId } : {}) }),
  })
  expect(response.status).toBe(201)
}

test('the preview lists foreign accounts and the adoption; only the approval adopts', async ({ page }) => {
  await foreign('yamada')
  await foreign('aad.user', 'aad-6f1c')
  const files = writeDirectoryCsv(dir, staff)
  const directory = new DirectoryPage(page)
  await directory.open(daemon.url)
  await directory.openDirectory()
  await directory.chooseCsv(files.usersFile, files.departmentsFile)
  await directory.step('target')
  await directory.target.getByRole('radio', { name: 'SCIM 2.0' }).check()
  await directory.target.getByLabel('ベース URL').fill(scim.baseUrl)
  await directory.target.getByRole('textbox', { name: 'ベアラートークン' }).fill(scim.token)
  await page.getByTestId('directory-ownership').getByLabel('除外するログイン名').fill('admin*')
  await directory.saveConfig()

  await directory.preview()
  await expect(page.getByTestId('plan-adoptions')).toHaveText(
    '既存のアカウント 1 件を引き継ぎます（承認が必要）',
  )
  const foreignList = page.getByTestId('plan-foreign')
  await expect(foreignList.locator('summary')).toHaveText('管理外のアカウント 1 件（変更しません）')
  await foreignList.locator('summary').focus()
  await page.keyboard.press('Enter')
  await expect(foreignList.getByTestId('account-row')).toContainText('aad-6f1c')

  await directory.runNow()
  await expect(directory.runResult).toContainText('既存アカウント 1 件が引き継ぎの承認待ちです')
  expect(scim.users().find((u) => u.userName === 'yamada')?.externalId).toBeUndefined()

  await directory.preview()
  // The approval sits beside "run now", on the run step.
  await directory.step('run')
  await page.getByTestId('directory-approve-adoptions').click()
  const confirm = page.getByTestId('approve-confirm')
  await expect(confirm).toContainText('既存のアカウント 1 件を Renkei の管理下に引き継ぎ')
  await confirm.getByRole('button', { name: '承認して実行する' }).click()
  await directory.settled()
  await expect(directory.runResult).toHaveAttribute('role', 'status')
  const users = scim.users()
  expect(users.filter((u) => u.userName === 'yamada').map((u) => u.externalId)).toEqual(['E0001'])
  const idpAccount = users.find((u) => u.userName === 'aad.user')
  expect(idpAccount).toMatchObject({ externalId: 'aad-6f1c', displayName: 'aad.user' })
  expect(idpAccount?.active).not.toBe(false)
  expect(users).toHaveLength(3)
})
