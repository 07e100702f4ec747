import { rmSync } from 'node:fs'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { coalesceMs } from '../../src/main/core/alerts/alert-dispatcher'
import type { MethodInput } from '../../src/shared/api'
import type { Core } from '../../src/main/core/core-types'
import { TestClock } from '../../src/main/core/scheduler/test-clock'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import {
  alertSmtpPasswordSecret,
  alertWebhookUrlSecret,
  type AlertSettingsInput,
  type AlertSettingsUpdate,
} from '../../src/shared/model/alerts'
import { calendarSettings, type CalendarPairConfig } from '../../src/shared/model/calendar-config'
import { ApiError } from '../../src/shared/model/errors'
import { freePort } from '../support/free-port'
import { secretsInDataDir } from '../support/secret-scan'
import { selfSignedCertificate, startSmtpSink, type SmtpSink } from '../support/smtp-sink'
import { openTestCore, tempDataDir } from '../support/test-core'
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver'

let sink: SmtpSink
let hook: WebhookReceiver
/** A loopback port nobody listens on. */
let closedPort: number
let dir: string
let clock: TestClock
let secrets: MemorySecretStore
let core: Core

beforeAll(async () => {
  sink = await startSmtpSink()
  hook = await startWebhookReceiver()
  closedPort = await freePort()
})
afterAll(async () => {
  await sink.stop()
  await hook.stop()
})
beforeEach(async () => {
  dir = tempDataDir('renkei-alerts-')
  clock = new TestClock(Date.parse('2026-11-23T09:00:00+09:00'))
  secrets = new MemorySecretStore()
  core = await openTestCore(dir, { secrets, clock })
  sink.messages.length = 0
  hook.posts.length = 0
  hook.answer(200)
})
afterEach(async () => {
  await core.close()
  rmSync(dir, { recursive: true, force: true })
})

function alertsTo(smtpPort: number, extra: AlertSettingsInput['email'] = {}): AlertSettingsUpdate {
  return {
    email: {
      enabled: true,
      host: '127.0.0.1',
      port: smtpPort,
      security: 'none',
      from: 'renkei@example.test',
      to: ['admin@example.test'],
      ...extra,
    },
    webhook: { enabled: true, url: hook.url },
  }
}

/** The test button's input: the form's settings and the webhook URL typed beside them. */
function testInput(smtpPort: number, extra: AlertSettingsInput['email'] = {}) {
  const { email } = alertsTo(smtpPort, extra)
  return { settings: { email, webhook: { enabled: true } }, webhookUrl: hook.url }
}

/** Source and target both refuse connections: every run is one error. */
function deadPair(): CalendarPairConfig {
  const dead = `http://127.0.0.1:${closedPort}/`
  return {
    id: 'u0007',
    number: 7,
    name: '山田 太郎',
    employeeKey: '',
    permitted: true,
    source: { kind: 'ics', url: `${dead}feed.ics`, auth: 'none', username: '', maxMegabytes: 20 },
    target: { kind: 'caldav', url: `${dead}dav/`, preset: 'generic', auth: 'basic', username: '' },
    direction: 'one-way',
    conflictPolicy: 'source-wins',
  }
}

async function stopOneUser(): Promise<void> {
  await core.api['calendar.settings.update'](calendarSettings.parse({ autoStopErrors: 1 }))
  await core.api['calendar.pairs.save'](deadPair())
  const run = await core.api['calendar.run']({ id: 'u0007' })
  expect(run.outcome).toBe('error')
  expect((await core.api['calendar.status']({})).pairs[0]).toMatchObject({ state: 'stopped' })
  await clock.advance(coalesceMs)
}

async function alertLines(level: 'info' | 'error'): Promise<string[]> {
  const page = await core.api['history.search']({ filter: { category: 'alerts', level }, limit: 50 })
  return page.entries.map((entry) => `${entry.message} | ${entry.messageEn}`)
}

async function until(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe('admin alerts on an automatically stopped calendar user', () => {
  it('sends one e-mail naming the user and the reason in Japanese and English, and one webhook POST', async () => {
    await core.api['alerts.settings.update'](alertsTo(sink.port))
    await stopOneUser()
    const [mail] = await sink.waitFor(1)
    await until(() => hook.posts.length === 1, 'the webhook POST')
    await core.close()
    expect(sink.messages).toHaveLength(1)
    expect(hook.posts).toHaveLength(1)

    expect(mail!.to).toEqual(['admin@example.test'])
    expect(mail!.mail.subject).toBe(
      '[Renkei] カレンダー同期を停止しました: 山田 太郎 / Calendar sync stopped: 山田 太郎',
    )
    const text = mail!.mail.text ?? ''
    expect(text).toMatch(
      /■ カレンダー同期を停止しました: 山田 太郎\n {2}日時: 2026-11-23 09:00 \(\+09:00\)\n {2}内容: 直近 24 時間にエラーが 1 回.*「山田 太郎」の同期を自動停止しました/,
    )
    expect(text).toMatch(
      /■ Calendar sync stopped: 山田 太郎\n {2}At: 2026-11-23 09:00 \(\+09:00\)\n {2}Details: 1 errors in the last 24 hours .*sync for "山田 太郎" was stopped automatically/,
    )
    expect(text.indexOf('■ カレンダー')).toBeLessThan(text.indexOf('■ Calendar'))

    const post = hook.posts[0]!
    expect(post.path).toBe('/hooks/T000/secret-token')
    expect(post.contentType).toMatch(/^application\/json/)
    expect(post.body).toMatchObject({
      source: 'renkei',
      alerts: [{ kind: 'calendar.stopped', user: { id: 'u0007', name: '山田 太郎' } }],
    })
    expect((post.body as { text: string }).text).toBe(text)
  })

  it('a failing SMTP server is recorded in the history (category alerts); the run completes and the webhook still goes', async () => {
    await core.api['alerts.settings.update'](alertsTo(closedPort))
    await stopOneUser()
    await until(async () => (await alertLines('error')).length === 1, 'the alerts error line')
    await until(() => hook.posts.length === 1, 'the webhook POST')
    const [line] = await alertLines('error')
    expect(line).toContain(`SMTP サーバー 127.0.0.1:${closedPort} に送信できませんでした（ECONNREFUSED）`)
    expect(line).toContain(`Could not send through the SMTP server 127.0.0.1:${closedPort} (ECONNREFUSED)`)
    expect(await alertLines('info')).toEqual([expect.stringMatching(/^管理者への通知（Webhook）/)])
  })

  it('an SMTP server refusing the message and a webhook answering 500 are both recorded with the reason', async () => {
    const refusing = await startSmtpSink({ refuseWith: { code: 550, text: 'relay denied' } })
    try {
      hook.answer(500)
      await core.api['alerts.settings.update'](alertsTo(refusing.port))
      await stopOneUser()
      await until(async () => (await alertLines('error')).length === 2, 'two alerts error lines')
      const lines = (await alertLines('error')).join('\n')
      expect(lines).toMatch(/メールを受け付けませんでした（550）/)
      expect(lines).toMatch(/The webhook http:\/\/127\.0\.0\.1:\d+ answered HTTP 500/)
      // The webhook's path holds its token: it stays out of the history.
      expect(lines).not.toContain('secret-token')
    } finally {
      await refusing.stop()
    }
  })

  it('sends nothing when no channel is enabled', async () => {
    await stopOneUser()
    await core.close()
    expect(sink.messages).toHaveLength(0)
    expect(hook.posts).toHaveLength(0)
    expect(await alertLinesAfterClose()).toEqual([])
  })
})

/** The history of a closed core, reopened read-only through a fresh core. */
async function alertLinesAfterClose(): Promise<string[]> {
  core = await openTestCore(dir, { secrets, clock })
  return alertLines('info')
}

describe('alert settings', () => {
  const refusal = async (patch: MethodInput<'alerts.settings.update'>): Promise<ApiError> => {
    const error = await core.api['alerts.settings.update'](patch).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    return error as ApiError
  }

  it('refuses a bad host, port, address or URL in Japanese and English and saves nothing', async () => {
    const error = await refusal({
      email: { enabled: true, host: 'smtp example', port: 70000, from: 'renkei', to: ['a@b.test', 'x'] },
      webhook: { enabled: true, url: 'ftp://hooks.example.test/x' },
    })
    expect(error.code).toBe('invalid-input')
    expect(error.localized.ja).toContain('何も変更していません')
    expect(error.localized.ja).toContain('email.host: 「smtp example」はホスト名ではありません')
    expect(error.localized.ja).toContain('email.port: 1〜65535 の番号にしてください')
    expect(error.localized.ja).toContain('email.from: 「renkei」はメールアドレスではありません')
    expect(error.localized.ja).toContain('email.to: 「x」はメールアドレスではありません')
    expect(error.localized.ja).toContain('webhook.url: http:// か https:// で始めてください')
    expect(error.localized.en).toContain('email.host: "smtp example" is not a host name')
    expect(error.localized.en).toContain('webhook.url: must start with http:// or https://')
    const credentials = await refusal({ webhook: { enabled: true, url: 'https://u:p@hooks.example.test/' } })
    expect(await secrets.get(alertWebhookUrlSecret)).toBeNull()
    expect(credentials.localized.en).toContain('must not hold a user name or password')
    const missing = await refusal({ email: { enabled: true } })
    expect(missing.localized.ja).toContain('email.host: SMTP サーバーを入力してください')
    expect(missing.localized.en).toContain('email.to: type at least one recipient')
    const header = await refusal({ email: { from: 'a@b.test\r\nBcc: x@y.test' } })
    expect(header.localized.en).toContain('is not an e-mail address')
    expect(await core.api['alerts.settings.get']({})).toEqual(
      expect.objectContaining({
        email: expect.objectContaining({ enabled: false, host: '' }),
        webhook: { enabled: false },
      }),
    )
    expect(await secrets.get(alertWebhookUrlSecret)).toBeNull()
  })

  it('keeps the webhook URL (its path holds a token) in the keychain only: not in SQLite, the API, the history or an export', async () => {
    const saved = await core.api['alerts.settings.update']({
      webhook: { enabled: true, url: ` ${hook.url} ` },
    })
    expect(saved.webhook).toEqual({ enabled: true })
    expect(await secrets.get(alertWebhookUrlSecret)).toBe(hook.url)
    const audit = await core.api['history.search']({ filter: { category: 'audit' }, limit: 5 })
    expect(audit.entries.map((e) => e.message)).toContain(
      `Webhook の URL を設定しました（${new URL(hook.url).origin}、URL 全体はキーチェーンに保存）`,
    )
    const result = await core.api['alerts.test']({})
    expect(result.deliveries).toEqual([expect.objectContaining({ channel: 'webhook', ok: true })])
    expect(hook.posts).toHaveLength(1)
    const exported = await core.api['history.export']({ filter: {}, format: 'jsonl' })
    expect(exported.content).not.toContain('secret-token')
    expect(secretsInDataDir(dir, ['secret-token'])).toEqual([])

    // Enabled with its URL removed is refused; disabling and removing together is fine.
    const removed = await refusal({ webhook: { url: null } })
    expect(removed.localized.ja).toContain('webhook.url: URL を入力してください')
    expect(await secrets.get(alertWebhookUrlSecret)).toBe(hook.url)
    await core.api['alerts.settings.update']({ webhook: { enabled: false, url: null } })
    expect(await secrets.get(alertWebhookUrlSecret)).toBeNull()
  })

  it('saves valid settings with an audit line; a trimmed host and IPv6 address are fine', async () => {
    const saved = await core.api['alerts.settings.update']({
      email: { enabled: true, host: ' mail.example.co.jp ', port: 25, from: 'a@b.test', to: ['c@d.test'] },
    })
    expect(saved.email).toMatchObject({ host: 'mail.example.co.jp', port: 25, security: 'starttls' })
    await core.api['alerts.settings.update']({ email: { host: '[::1]' } })
    const audit = await core.api['history.search']({ filter: { category: 'audit' }, limit: 5 })
    expect(audit.entries[0]!.message).toBe('管理者への通知の設定を変更しました')
  })
})

describe('test send', () => {
  it('sends a test through every enabled channel of the unsaved form and reports each result plainly', async () => {
    const result = await core.api['alerts.test'](testInput(sink.port))
    expect(result.deliveries).toEqual([
      {
        channel: 'email',
        ok: true,
        message: { ja: 'admin@example.test に送信しました', en: 'Sent to admin@example.test' },
      },
      {
        channel: 'webhook',
        ok: true,
        message: expect.objectContaining({ en: expect.stringMatching(/HTTP 200/) }),
      },
    ])
    expect(sink.messages[0]!.mail.subject).toBe('[Renkei] テスト送信 / Test alert')
    expect(await core.api['alerts.settings.get']({})).toMatchObject({ email: { enabled: false } })
  })

  it('with nothing enabled says so and sends nothing', async () => {
    const error = await core.api['alerts.test']({}).catch((e: unknown) => e)
    expect((error as ApiError).localized.en).toMatch(/nowhere to send a test alert/)
  })

  it('signs in with the keychain password, which appears nowhere in the data directory', async () => {
    const password = 'pässw0rd-for-alerts-7a1c'
    const login = await startSmtpSink({ login: { user: 'renkei', password } })
    try {
      const settings = alertsTo(login.port, { username: 'renkei' })
      await core.api['alerts.settings.update'](settings)
      const missing = await core.api['alerts.test']({})
      expect(missing.deliveries[0]).toMatchObject({
        ok: false,
        message: { en: expect.stringMatching(/no password in the keychain/) },
      })
      await core.api['secrets.set']({ name: alertSmtpPasswordSecret, value: 'wrong-one-2b9d' })
      const refused = await core.api['alerts.test']({})
      expect(refused.deliveries[0]).toMatchObject({
        ok: false,
        message: { en: expect.stringMatching(/refused the user name or password/) },
      })
      await core.api['secrets.set']({ name: alertSmtpPasswordSecret, value: password })
      const sent = await core.api['alerts.test']({})
      expect(sent.deliveries[0]).toMatchObject({ ok: true })
      expect(login.messages).toHaveLength(1)
      await core.api['history.export']({ filter: {}, format: 'jsonl' })
      expect(secretsInDataDir(dir, [password, 'wrong-one-2b9d'])).toEqual([])
    } finally {
      await login.stop()
    }
  })

  it('STARTTLS with a self-signed certificate is refused until that certificate is trusted', async () => {
    const certificate = selfSignedCertificate()
    const tls = await startSmtpSink({ tls: certificate })
    try {
      const refused = await core.api['alerts.test'](testInput(tls.port, { security: 'starttls' }))
      expect(refused.deliveries[0]).toMatchObject({
        ok: false,
        message: {
          ja: expect.stringMatching(/証明書を信頼できません/),
          en: expect.stringMatching(/not trusted/),
        },
      })
      expect(tls.messages).toHaveLength(0)
      const trusted = testInput(tls.port, { security: 'starttls', trustedCertificate: certificate.cert })
      const sent = await core.api['alerts.test'](trusted)
      expect(sent.deliveries[0]).toMatchObject({ ok: true })
      expect(tls.messages).toHaveLength(1)
    } finally {
      await tls.stop()
    }
  })
})
