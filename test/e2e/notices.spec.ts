/**
 * The Notices screen against the real daemon: every tab at its own URL, keyboard tabs, the target form's
 * refusals, screenshots in both languages; then the whole relay — an SMTP target (a real SMTP server,
 * smtp-server + mailparser, on loopback), a template, one employee opted in, an event taken in through the
 * API — seen as sent in the queue and the history, and the mail read at the server.
 */
import { expect, test } from '@playwright/test'
import { testEmployee, testSnapshot, writeHome } from '../support/exchange-sites'
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink'
import { startDaemon, type E2eDaemon } from './fixtures/daemon'
import { daemonApi } from './fixtures/daemon-api'
import { expectNoHorizontalOverflow } from './fixtures/overflow'
import { NoticesPage, noticeTabs } from './pages/notices-page'

let daemon: E2eDaemon
let sink: SmtpSink

test.use({ viewport: { width: 1280, height: 800 } })

test.beforeAll(async () => {
  sink = await startSmtpSink()
  daemon = await startDaemon({
    prepare: (dataDir) =>
      writeHome(dataDir, testSnapshot([1, 2, 3].map((n) => testEmployee(n, { nameJa: `山田 ${n}郎` })))),
  })
})

test.afterAll(async () => {
  await daemon?.stop()
  await sink?.stop()
})

test('every tab has its own URL, arrows move between them, and each fits 1280 px in both languages', async ({
  page,
}) => {
  const notices = new NoticesPage(page)
  await notices.open(daemon.url)
  await notices.go('notices')
  await expect(page).toHaveURL(/#\/notices\/targets$/)
  await expect(notices.title).toHaveText('お知らせ中継')
  for (const language of ['ja', 'en'] as const) {
    for (const tab of noticeTabs) {
      await notices.openTab(tab)
      await expect(page).toHaveURL(new RegExp(`#/notices/${tab}$`))
      await expect(notices.tab(tab)).toHaveAttribute('aria-selected', 'true')
      await expectNoHorizontalOverflow(page, `notices/${tab} (${language})`)
      await notices.snapshot(`notices-${tab}-${language}`, true)
    }
    if (language === 'ja') await notices.languageToggle.click()
  }
  await notices.languageToggle.click()

  // Keyboard: the current tab takes the focus; arrows, Home and End open the tab reached.
  await notices.tab('settings').focus()
  await page.keyboard.press('Home')
  await expect(page).toHaveURL(/#\/notices\/targets$/)
  await page.keyboard.press('ArrowRight')
  await expect(page).toHaveURL(/#\/notices\/templates$/)
  await expect(notices.tab('templates')).toBeFocused()
  await page.keyboard.press('End')
  await expect(page).toHaveURL(/#\/notices\/settings$/)
  // Back walks the tabs; a bookmark opens one directly.
  await page.goBack()
  await expect(page).toHaveURL(/#\/notices\/templates$/)
  await page.goto(`${daemon.origin}/#/notices/queue`)
  await expect(notices.panel('queue')).toBeVisible()

  // The Dashboard's notice relay row opens this screen.
  await notices.go('dashboard')
  const row = page.locator('[data-testid="link-row"][data-engine="notice-relay"]')
  await row.getByRole('button', { name: /お知らせ中継/ }).click()
  await expect(page).toHaveURL(/#\/notices\/targets$/)
})

test('the target form shows the core refusal in the dialog and saves nothing', async ({ page, request }) => {
  const notices = new NoticesPage(page)
  await notices.open(daemon.url)
  await notices.go('notices')
  await page.getByTestId('target-new-kind').selectOption('smtp')
  await page.getByTestId('target-add').click()
  const dialog = notices.targetDialog
  await expect(dialog.getByTestId('target-secret-password-state')).toHaveText('未設定')
  await dialog.getByTestId('target-id').fill('Bad ID!')
  await dialog.getByTestId('target-save').click()
  await expect(dialog.getByRole('alert')).toContainText('target ids use a-z')
  await expect(dialog).toBeVisible()
  await expectNoHorizontalOverflow(page, 'target dialog')
  await notices.snapshot('notices-target-refused-ja')
  await dialog.getByRole('button', { name: 'キャンセル' }).click()
  await expect(dialog).toBeHidden()
  expect(await daemonApi(daemon, request)('notice.targets.list', {})).toEqual([])
})

test('an XMPP target typed in the form is saved with its account; opened again its id is fixed', async ({
  page,
  request,
}) => {
  const notices = new NoticesPage(page)
  await notices.open(daemon.url)
  await notices.go('notices')
  await page.getByTestId('target-new-kind').selectOption('xmpp')
  await page.getByTestId('target-add').click()
  const dialog = notices.targetDialog
  await dialog.getByTestId('target-id').fill('chat')
  await dialog.getByTestId('target-name').fill('社内チャット')
  await dialog.getByTestId('target-xmpp-service').fill('xmpp://127.0.0.1:5222')
  await dialog.getByTestId('target-xmpp-domain').fill('chat.example.co.jp')
  await dialog.getByTestId('target-xmpp-username').fill('renkei')
  await dialog.getByTestId('target-save').click()
  await expect(dialog).toBeHidden()
  const [saved] = await daemonApi(daemon, request)('notice.targets.list', {})
  expect(saved!.target).toMatchObject({
    id: 'chat',
    xmpp: { service: 'xmpp://127.0.0.1:5222', domain: 'chat.example.co.jp', username: 'renkei' },
  })
  await page.locator('[data-testid="target-row"][data-target="chat"]').getByTestId('target-edit').click()
  await expect(dialog.getByTestId('target-id-fixed')).toHaveText('chat')
  await expect(dialog.getByTestId('target-xmpp-domain')).toHaveValue('chat.example.co.jp')
  await dialog.getByRole('button', { name: 'キャンセル' }).click()
  await expect(dialog).toBeHidden()
  await daemonApi(daemon, request)('notice.targets.remove', { id: 'chat' })
})

test('an event reaches the opted-in employee by e-mail and shows as sent in the queue and the history', async ({
  page,
  request,
}) => {
  const call = daemonApi(daemon, request)
  const notices = new NoticesPage(page)
  await notices.open(daemon.url)
  await notices.go('notices')

  await notices.addSmtpTarget({ id: 'mail', name: '社内メール', port: sink.port, charset: 'iso-2022-jp' })
  const row = notices.targetRow('mail')
  await expect(row.getByTestId('target-problems')).toHaveText('送信できます')

  // The password goes to the keychain: the form says 保存済み, never shows it, and can remove it.
  await row.getByTestId('target-edit').click()
  await notices.targetDialog.getByTestId('target-secret-password').fill('secret-e2e-pw')
  await notices.targetDialog.getByTestId('target-save').click()
  await expect(notices.targetDialog).toBeHidden()
  await row.getByTestId('target-edit').click()
  await expect(notices.targetDialog.getByTestId('target-secret-password-state')).toHaveText('保存済み')
  await expect(notices.targetDialog.getByTestId('target-secret-password')).toHaveValue('')
  await notices.targetDialog.getByTestId('target-secret-password-remove').click()
  await expect(notices.targetDialog.getByTestId('target-secret-password-state')).toHaveText('保存時に削除')
  await notices.targetDialog.getByTestId('target-save').click()
  await expect(notices.targetDialog).toBeHidden()
  const [mailTarget] = await call('notice.targets.list', {})
  expect(mailTarget!.secrets.password ?? false).toBe(false)
  expect(JSON.stringify(mailTarget)).not.toContain('secret-e2e-pw')

  // テスト送信 to a typed address: the result names it and the mail arrives.
  await row.getByTestId('target-test-open').click()
  await page.getByTestId('target-test-to').fill('admin@a.example.jp')
  await page.getByTestId('target-test-send').click()
  await expect(page.getByTestId('target-test-result')).toHaveAttribute('data-ok', 'true')
  await expect(page.getByTestId('target-test-address')).toHaveText('admin@a.example.jp')
  await sink.waitFor(1)
  expect(sink.messages[0]!.to).toEqual(['admin@a.example.jp'])

  // The 伝言 template with a mark of our own; the live preview follows the typing.
  await notices.openTab('templates')
  await page.getByTestId('template-kind').selectOption('message.created')
  await page.getByTestId('template-language-ja').check()
  const subject = await notices.templateSubject.inputValue()
  await notices.templateSubject.fill(`【E2E】${subject}`)
  await expect(page.getByTestId('template-preview-subject')).toContainText('【E2E】')
  await notices.templateBody.fill(`${await notices.templateBody.inputValue()}\n{{nope}}`)
  await expect(page.getByTestId('template-problems')).toContainText('nope')
  await page.getByTestId('template-save').click()
  await expect(notices.panel('templates').getByRole('alert').first()).toBeVisible()
  await notices.templateBody.fill((await notices.templateBody.inputValue()).replace('\n{{nope}}', ''))
  await expect(page.getByTestId('template-problems')).toHaveCount(0)
  await page.getByTestId('template-save').click()
  await expect(page.getByTestId('template-origin')).toContainText('編集したテンプレート')
  await expect(notices.panel('templates').getByRole('status').first()).toContainText(
    'テンプレートを保存しました',
  )

  // Opt-in: default off is stated; 社員 1 turns 伝言の作成 on for themselves.
  await notices.openTab('optins')
  await expect(page.getByTestId('optin-default')).toContainText('自分宛の伝言が登録された際に通知する')
  await page.getByTestId('optin-product').selectOption('message')
  const cell = notices.optInRow('E000001').locator('[data-kind="message.created"]')
  await expect(cell).toHaveAttribute('data-on', 'false')
  await cell.getByTestId('optin-check').check()
  await expect(cell).toHaveAttribute('data-own', 'true')
  await expect(notices.optInRow('E000002').locator('[data-kind="message.created"]')).toHaveAttribute(
    'data-on',
    'false',
  )

  // The groupware's 伝言 for 社員 1 and 社員 2 (not opted in) and someone unknown.
  const result = await call('notice.events.ingest', {
    source: 'manual',
    event: {
      id: 'e2e-message-1',
      kind: 'message.created',
      addressees: ['user1@a.example.jp', 'E000002', 'nobody@elsewhere.example'],
      fields: {
        actor: '中野愛',
        when: '2022年12月20日 火曜日 16:08',
        requester: '○○株式会社 鈴木様',
        purpose: '折り返し電話をください',
        contact: 'XXX-XXXX',
      },
    },
  })
  expect(result).toMatchObject({ accepted: true, optedIn: 1, queued: 1 })
  expect(result.unknownAddressees).toEqual(['nobody@elsewhere.example'])

  const [, mail] = await sink.waitFor(2)
  expect(mail!.to).toEqual(['user1@a.example.jp'])
  expect(mail!.mail.subject).toContain('【E2E】')
  expect(mail!.mail.text).toContain('折り返し電話をください')
  // Charset names are case-insensitive (RFC 2046).
  const contentType = mail!.mail.headers.get('content-type') as { params: { charset: string } }
  expect(contentType.params.charset.toLowerCase()).toBe('iso-2022-jp')

  await notices.openTab('queue')
  await page.getByTestId('queue-state-sent').check()
  await expect(page.getByTestId('queue-count-sent')).toHaveText('1')
  await expect(notices.messageRows).toHaveCount(1)
  await expect(notices.messageRows.first()).toContainText('user1@a.example.jp')
  await notices.snapshot('notices-queue-sent-ja', true)

  await notices.openTab('events')
  const event = notices.eventRows.first()
  await expect(event).toContainText('伝言の作成')
  await expect(event.getByTestId('event-unknown-count')).toContainText('1')
  await event.getByTestId('event-open').click()
  await expect(page).toHaveURL(/#\/notices\/events\/\d+$/)
  await expect(page.getByTestId('event-unknown')).toContainText('nobody@elsewhere.example')
  await expect(page.getByTestId('event-fields')).toContainText('折り返し電話をください')
  await expect(page.getByTestId('message-state')).toHaveText('送信済み')
  await expectNoHorizontalOverflow(page, 'event detail')
  await notices.snapshot('notices-event-detail-ja', true)

  // Sources: a generated secret is shown once to copy, then only as 保存済み.
  await notices.openTab('sources')
  await page.getByTestId('source-add').click()
  const sourceDialog = page.getByTestId('source-dialog')
  await sourceDialog.getByTestId('source-id').fill('neo')
  await sourceDialog.getByTestId('source-name').fill("desknet's NEO")
  await sourceDialog.getByTestId('source-generate').click()
  const secret = await sourceDialog.getByTestId('source-secret-url').inputValue()
  expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/)
  await sourceDialog.getByTestId('source-save').click()
  await expect(sourceDialog).toBeHidden()
  const source = page.locator('[data-testid="source-row"][data-source="neo"]')
  await expect(source).toContainText('保存済み')
  await expect(notices.panel('sources')).not.toContainText(secret)

  // Settings: a bad value is refused beside the form and nothing changes; a good one is kept.
  await notices.openTab('settings')
  const attempts = page.getByTestId('settings-max-attempts')
  await attempts.fill('0')
  await page.getByTestId('settings-save').click()
  await expect(notices.panel('settings').getByRole('alert')).toBeVisible()
  expect((await call('notice.settings.get', {})).maxAttempts).toBe(40)
  await attempts.fill('5')
  await page.getByTestId('settings-save').click()
  await expect(notices.panel('settings').getByRole('status').first()).toContainText('保存しました')
  expect((await call('notice.settings.get', {})).maxAttempts).toBe(5)

  // The gadget: an employee's URL, the admin's, and a new key that takes the shown URL away.
  await page.getByTestId('employee-picker-open').click()
  await page.getByTestId('employee-option').first().click()
  await expect(page.getByTestId('gadget-url')).toHaveValue(/^https?:\/\/.+/)
  await page.getByTestId('gadget-admin').click()
  await expect(page.getByTestId('gadget-url')).toHaveValue(/^https?:\/\/.+/)
  await page.getByTestId('gadget-rotate').click()
  await page.getByTestId('gadget-rotate-confirm').click()
  await expect(page.getByTestId('gadget-url')).toHaveCount(0)

  // Every tab again with the relay's data in it, in both languages, for a person to look at.
  for (const language of ['ja', 'en'] as const) {
    for (const tab of noticeTabs) {
      await notices.openTab(tab)
      if (tab === 'templates') await expect(page.getByTestId('template-preview-subject')).toBeVisible()
      await expectNoHorizontalOverflow(page, `notices/${tab} with data (${language})`)
      await notices.snapshot(`notices-${tab}-data-${language}`, true)
    }
    await notices.languageToggle.click()
  }
})
