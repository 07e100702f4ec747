import { rmSync } from 'node:fs'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/core-types'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import { ApiError } from '../../src/shared/model/errors'
import { noticeTargetSecret, type NoticeTargetInput } from '../../src/shared/model/notices'
import { testEmployee, testSnapshot, writeHome } from '../support/exchange-sites'
import { startNoticeReceivers, type NoticeReceivers } from '../support/notice-receivers'
import { openTargetsPart } from '../support/notice-targets-part'
import { secretsInDataDir } from '../support/secret-scan'
import { openTestCore, tempDataDir } from '../support/test-core'

const hookUrl = (base: string) => `${base}/slack/T000/B000/very-secret-path-token`
const signing = 'signing-secret-for-the-api-test'
let receivers: NoticeReceivers
let dir: string
let secrets: MemorySecretStore
let core: Core

beforeAll(async () => {
  receivers = await startNoticeReceivers({
    chatworkToken: 'x',
    signingSecret: signing,
    now: () => Date.now(),
  })
})
afterAll(async () => {
  await receivers.stop()
})
beforeEach(async () => {
  dir = tempDataDir('renkei-notice-api-')
  secrets = new MemorySecretStore()
  core = await openTestCore(dir, { secrets })
  receivers.posts.length = 0
})
afterEach(async () => {
  await core.close()
  rmSync(dir, { recursive: true, force: true })
})

const save = (target: NoticeTargetInput, typed?: Record<string, string | null>) =>
  core.api['notice.targets.save']({ target, ...(typed ? { secrets: typed } : {}) } as never)

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ApiError)
  expect((error as ApiError).code).toBe('invalid-input')
  return error as ApiError
}

describe('notice.targets.save checks the whole target; nothing changes on an error', () => {
  const cases: [string, NoticeTargetInput, Record<string, string | null> | undefined, string, string][] = [
    [
      'smtp without its section',
      { id: 'm', name: 'Mail', kind: 'smtp' },
      undefined,
      'SMTP の設定がありません',
      'the SMTP section is missing',
    ],
    [
      'xmpp without its section',
      { id: 'x', name: 'Chat', kind: 'xmpp' },
      { password: 'p' },
      'XMPP の設定がありません',
      'the XMPP section is missing',
    ],
    [
      'a bad SMTP host and sender',
      {
        id: 'm',
        name: 'Mail',
        kind: 'smtp',
        smtp: { host: 'bad host', port: 25, security: 'none', from: 'nobody' },
      },
      undefined,
      '「bad host」はホスト名ではありません',
      '"nobody" is not a sender address',
    ],
    [
      'a URL that is not http(s)',
      { id: 's', name: 'Slack', kind: 'slack' },
      { url: 'ftp://hooks.example/x' },
      'http:// か https:// で始めてください',
      'must start with http:// or https://',
    ],
    [
      'a URL with user:pass@',
      { id: 's', name: 'Slack', kind: 'slack' },
      { url: 'https://u:p@hooks.example/x' },
      'ユーザー名やパスワードを URL に含めないでください',
      'must not hold a user name or password',
    ],
    [
      'an unknown pattern name',
      { id: 's', name: 'Slack', kind: 'slack', recipient: '@{name}' },
      undefined,
      '{name}',
      'is not one of {email} {login} {key} {localpart}',
    ],
    [
      'a secret the kind does not use',
      { id: 's', name: 'Slack', kind: 'slack' },
      { token: 'abc' },
      'slack では使いません',
      'is not used by slack',
    ],
    [
      'an XMPP pattern that makes no address',
      {
        id: 'x',
        name: 'Chat',
        kind: 'xmpp',
        recipient: '{login}',
        xmpp: { service: 'xmpps://chat.example.jp', domain: 'example.jp', username: 'renkei' },
      },
      undefined,
      'XMPP アドレス',
      'does not make an XMPP address',
    ],
    [
      'a groupware target in the chat role',
      { id: 'g', name: 'GW', kind: 'groupware' },
      undefined,
      '役割を groupware に',
      'must have the role groupware',
    ],
  ]
  for (const [what, target, typed, ja, en] of cases) {
    it(`refuses ${what} in Japanese and English`, async () => {
      const error = await refusal(save(target, typed))
      expect(error.localized.ja).toContain('何も変更していません')
      expect(error.localized.ja).toContain(ja)
      expect(error.localized.en).toContain('nothing was changed')
      expect(error.localized.en).toContain(en)
      expect(await core.api['notice.targets.list']({})).toEqual([])
      expect(await secrets.names()).toEqual([])
    })
  }

  it('a refused change leaves the saved target and its secret as they were', async () => {
    await save({ id: 's', name: 'Slack', kind: 'slack' }, { url: hookUrl(receivers.base) })
    await refusal(
      save({ id: 's', name: 'Renamed', kind: 'slack', recipient: '{x}' }, { url: 'https://new.example/x' }),
    )
    const [view] = await core.api['notice.targets.list']({})
    expect(view!.target.name).toBe('Slack')
    expect(await secrets.get(noticeTargetSecret('s', 'url'))).toBe(hookUrl(receivers.base))
  })
})

describe('targets as listed, and their secrets', () => {
  it('lists what is missing to send, and secrets only as stored', async () => {
    await save({ id: 'hook', name: 'Hook', kind: 'webhook' }, { url: hookUrl(receivers.base) })
    await save(
      { id: 'mm', name: 'Mattermost', kind: 'slack', recipient: '@{login}' },
      { url: hookUrl(receivers.base) },
    )
    const views = await core.api['notice.targets.list']({})
    expect(views.map((v) => v.target.id)).toEqual(['hook', 'mm'])
    expect(views[0]!.secrets).toEqual({ url: true })
    expect(views[0]!.problems).toEqual([
      { ja: '署名用の秘密鍵がキーチェーンにありません', en: 'the signing secret is not in the keychain' },
    ])
    expect(views[1]!.problems).toEqual([])
    expect(views[1]).toMatchObject({ pending: 0, setAside: 0, lastSentAt: null, lastError: null })
    expect(JSON.stringify(views)).not.toContain('very-secret-path-token')

    // null removes a secret; the target then says what it misses.
    await save({ id: 'mm', name: 'Mattermost', kind: 'slack', recipient: '@{login}' }, { url: null })
    const [, mm] = await core.api['notice.targets.list']({})
    expect(mm!.secrets).toEqual({})
    expect(mm!.problems[0]!.en).toBe('the URL is not in the keychain')
  })

  it("keeps secrets out of the database; the audit line names only the URL's origin", async () => {
    await save({ id: 'hook', name: 'Hook', kind: 'webhook' }, { url: hookUrl(receivers.base), signing })
    await save(
      {
        id: 'mail',
        name: 'Mail',
        kind: 'smtp',
        smtp: {
          host: 'smtp.example.jp',
          port: 587,
          security: 'starttls',
          username: 'renkei',
          from: 'notice@example.jp',
        },
      },
      { password: 'smtp-password-秘密' },
    )
    await core.api['notice.targets.test']({ id: 'hook', address: 'someone@example.jp' })
    expect(
      secretsInDataDir(dir, [
        hookUrl(receivers.base),
        'very-secret-path-token',
        signing,
        'smtp-password-秘密',
      ]),
    ).toEqual([])
    const audit = await core.api['history.search']({ filter: { category: 'audit' }, limit: 10 })
    const line = audit.entries.find((entry) => entry.messageEn?.includes('"Hook"'))!
    expect(line.messageEn).toBe('Added the notice target "Hook" (webhook)')
    expect(line.detail).toMatchObject({ origins: [receivers.base], secrets: ['url: set', 'signing: set'] })
    expect(JSON.stringify(audit.entries)).not.toContain('very-secret-path-token')
  })

  it('remove deletes the config and every secret of the target', async () => {
    await save({ id: 'hook', name: 'Hook', kind: 'webhook' }, { url: hookUrl(receivers.base), signing })
    expect(await core.api['notice.targets.remove']({ id: 'hook' })).toEqual([])
    expect(await secrets.names()).toEqual([])
    const missing = await core.api['notice.targets.remove']({ id: 'hook' }).catch((e: unknown) => e)
    expect((missing as ApiError).code).toBe('not-found')
  })

  it("remove tells the queue to drop the target's pending messages", async () => {
    const harnessDir = tempDataDir('renkei-notice-api-part-')
    const harness = openTargetsPart(harnessDir, { secrets: new MemorySecretStore(), now: () => 1 })
    try {
      await harness.part.handlers['notice.targets.save']({
        target: { id: 'mm', name: 'MM', kind: 'slack' } as never,
      })
      await harness.part.handlers['notice.targets.remove']({ id: 'mm' })
      expect(harness.dropped).toEqual(['mm'])
    } finally {
      await harness.close()
      rmSync(harnessDir, { recursive: true, force: true })
    }
  })
})

describe('notice.targets.test', () => {
  it("sends the fixed sample now to the employee's address here (pattern filled)", async () => {
    writeHome(dir, testSnapshot([testEmployee(7)]))
    await save(
      { id: 'mm', name: 'Mattermost', kind: 'slack', recipient: '@{login}' },
      { url: hookUrl(receivers.base) },
    )
    const result = await core.api['notice.targets.test']({ id: 'mm', employeeKey: 'E000007' })
    expect(result).toMatchObject({ ok: true, address: '@user7', detail: 'HTTP 200 ok' })
    expect(result.message).toEqual({
      ja: '@user7 にテスト通知を送りました',
      en: 'Sent a test notice to @user7',
    })
    const body = receivers.posts[0]!.body as { text: string; channel: string }
    expect(body.channel).toBe('@user7')
    expect(body.text).toMatch(/^Renkei テスト通知 \/ Renkei test notice\nRenkei テスト通知\n/)
    const line = (await core.api['history.search']({ filter: { category: 'notices' }, limit: 1 })).entries[0]!
    expect(line.messageEn).toBe('Test send of the notice target "Mattermost": Sent a test notice to @user7')
  })

  it("refuses an unknown employee, one without the pattern's value, and no recipient at all", async () => {
    writeHome(dir, testSnapshot([testEmployee(8, { email: null })]))
    await save({ id: 'mm', name: 'Mattermost', kind: 'slack' }, { url: hookUrl(receivers.base) })
    expect(
      (await refusal(core.api['notice.targets.test']({ id: 'mm', employeeKey: 'E999' }))).localized.en,
    ).toContain('There is no employee "E999"')
    expect(
      (await refusal(core.api['notice.targets.test']({ id: 'mm', employeeKey: 'E000008' }))).localized.ja,
    ).toContain('宛先のパターン「{email}」に必要な値')
    await refusal(core.api['notice.targets.test']({ id: 'mm' }))
    expect(receivers.posts).toEqual([])
  })
})
