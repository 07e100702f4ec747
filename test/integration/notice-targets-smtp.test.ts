import { rmSync } from 'node:fs'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ConnectorError } from '../../src/main/core/connectors/connector-error'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import { noticeTargetSecret, type NoticeTargetInput } from '../../src/shared/model/notices'
import { outgoing, openTargetsPart, type TargetsPartHarness } from '../support/notice-targets-part'
import {
  selfSignedCertificate,
  startSmtpSink,
  type SelfSignedCertificate,
  type SmtpSink,
} from '../support/smtp-sink'
import { tempDataDir } from '../support/test-core'

let plain: SmtpSink
let secured: SmtpSink
let certificate: SelfSignedCertificate
let dir: string
let secrets: MemorySecretStore
let harness: TargetsPartHarness
const now = Date.parse('2026-11-23T09:00:00+09:00')

beforeAll(async () => {
  certificate = selfSignedCertificate()
  plain = await startSmtpSink()
  secured = await startSmtpSink({ tls: certificate, login: { user: 'renkei', password: 'relay-pw-秘密' } })
})
afterAll(async () => {
  await plain.stop()
  await secured.stop()
})
beforeEach(() => {
  dir = tempDataDir('renkei-notice-smtp-')
  secrets = new MemorySecretStore()
  harness = openTargetsPart(dir, { secrets, now: () => now })
  plain.messages.length = 0
  secured.messages.length = 0
})
afterEach(async () => {
  await harness.close()
  rmSync(dir, { recursive: true, force: true })
})

function smtpTarget(smtp: Partial<NonNullable<NoticeTargetInput['smtp']>>): NoticeTargetInput {
  return {
    id: 'mail',
    name: '社内メール',
    kind: 'smtp',
    recipient: '{email}',
    smtp: {
      host: '127.0.0.1',
      port: plain.port,
      security: 'none',
      from: 'Renkei 通知 <notice@example.test>',
      ...smtp,
    },
  }
}

async function send(input: NoticeTargetInput, password?: string) {
  const target = await harness.part.handlers['notice.targets.save']({
    target: input as never,
    ...(password ? { secrets: { password } } : {}),
  })
  return harness.part.directory
    .senderFor(target.target)
    .send(outgoing('takahashi@example.test'), new AbortController().signal)
}

describe('e-mail targets against a real SMTP server (smtp-server + mailparser)', () => {
  it('UTF-8: subject, body, sender name and Message-ID arrive as sent', async () => {
    const sent = await send(smtpTarget({ charset: 'utf-8' }))
    const [message] = await plain.waitFor(1)
    const expected = outgoing('takahashi@example.test')
    expect(message!.to).toEqual(['takahashi@example.test'])
    expect(message!.from).toBe('notice@example.test')
    expect(message!.mail.subject).toBe(expected.subject)
    expect(message!.mail.text?.trimEnd()).toBe(expected.text)
    expect(message!.mail.from?.value[0]).toMatchObject({
      name: 'Renkei 通知',
      address: 'notice@example.test',
    })
    expect(message!.mail.messageId).toBe('<renkei-notice-42@test-site>')
    expect(message!.raw.toString('latin1')).toMatch(/charset=utf-8/i)
    expect(sent.detail).toMatch(/^250 /)
  })

  it('ISO-2022-JP: B-encoded subject and sender name, 7-bit body, round trip of 髙橋 ① ～', async () => {
    await send(smtpTarget({ charset: 'iso-2022-jp' }))
    const [message] = await plain.waitFor(1)
    const expected = outgoing('takahashi@example.test')
    const raw = message!.raw
    const head = raw.toString('latin1').split('\r\n\r\n')[0]!
    expect(head).toMatch(/^Content-Type: text\/plain; charset=ISO-2022-JP$/m)
    expect(head).toMatch(/^Content-Transfer-Encoding: 7bit$/m)
    expect(head).toMatch(/^Subject: =\?ISO-2022-JP\?B\?/m)
    expect(head).toMatch(/^From: =\?ISO-2022-JP\?B\?[^\r\n]+<notice@example\.test>$/m)
    expect(head).toMatch(/^Message-ID: <renkei-notice-42@test-site>$/m)
    // Every byte 7-bit: the body travels as JIS escapes, not as 8-bit text.
    expect([...raw].every((byte) => byte < 0x80)).toBe(true)
    expect(message!.mail.subject).toBe(expected.subject)
    expect(message!.mail.text?.trimEnd()).toBe(expected.text)
    expect(message!.mail.from?.value[0]).toMatchObject({
      name: 'Renkei 通知',
      address: 'notice@example.test',
    })
    expect(message!.mail.messageId).toBe('<renkei-notice-42@test-site>')
    expect(message!.to).toEqual(['takahashi@example.test'])
  })

  it('ISO-2022-JP: a long subject is split into encoded words that decode to the same text', async () => {
    const subject = '下記の内容で予定を変更しました。定例会議 / 打ち合わせ（来年度予算について）髙橋 ①'
    const target = await harness.part.handlers['notice.targets.save']({
      target: smtpTarget({ charset: 'iso-2022-jp' }) as never,
    })
    await harness.part.directory
      .senderFor(target.target)
      .send(outgoing('a@example.test', { subject }), new AbortController().signal)
    const [message] = await plain.waitFor(1)
    for (const line of message!.raw.toString('latin1').split('\r\n\r\n')[0]!.split('\r\n'))
      expect(line.length).toBeLessThanOrEqual(78)
    expect(message!.mail.subject).toBe(subject)
  })
})

describe('STARTTLS and sign-in', () => {
  it('refuses a self-signed server that is not trusted, in Japanese and English', async () => {
    const failure = await send(
      smtpTarget({ port: secured.port, security: 'starttls', username: 'renkei' }),
      'relay-pw-秘密',
    ).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(ConnectorError)
    expect((failure as ConnectorError).kind).toBe('permanent')
    expect((failure as ConnectorError).localized.ja).toContain('証明書を信頼できません')
    expect((failure as ConnectorError).localized.en).toContain('is not trusted')
    expect(secured.messages).toHaveLength(0)
  })

  it('delivers over STARTTLS with the certificate trusted and the password from the keychain', async () => {
    const sent = await send(
      smtpTarget({
        port: secured.port,
        security: 'starttls',
        username: 'renkei',
        trustedCertificate: certificate.cert,
        charset: 'iso-2022-jp',
      }),
      'relay-pw-秘密',
    )
    const [message] = await secured.waitFor(1)
    expect(message!.mail.subject).toBe(outgoing('x').subject)
    expect(sent.detail).toMatch(/^250 /)
    expect(await secrets.get(noticeTargetSecret('mail', 'password'))).toBe('relay-pw-秘密')
  })

  it("also trusts the network settings' certificates (ctx.trustedCaPems) without one on the target", async () => {
    await harness.close()
    harness = openTargetsPart(dir, { secrets, now: () => now, trustedCaPems: [certificate.cert] })
    await send(smtpTarget({ port: secured.port, security: 'starttls', username: 'renkei' }), 'relay-pw-秘密')
    expect(await secured.waitFor(1)).toHaveLength(1)
  })

  it('a wrong password is an auth error in Japanese and English, the password cut from it', async () => {
    const failure = (await send(
      smtpTarget({
        port: secured.port,
        security: 'starttls',
        username: 'renkei',
        trustedCertificate: certificate.cert,
      }),
      'wrong-password-123',
    ).catch((error: unknown) => error)) as ConnectorError
    expect(failure).toBeInstanceOf(ConnectorError)
    expect(failure.kind).toBe('auth')
    expect(failure.localized.ja).toContain('ユーザー名またはパスワードを受け付けませんでした')
    expect(failure.localized.en).toContain('refused the user name or password')
    expect(JSON.stringify([failure.localized, failure.serverAnswer])).not.toContain('wrong-password-123')
    expect(secured.messages).toHaveLength(0)
  })

  it('the test send reports the server refusing the password, and writes a history line', async () => {
    await harness.part.handlers['notice.targets.save']({
      target: smtpTarget({
        port: secured.port,
        security: 'starttls',
        username: 'renkei',
        trustedCertificate: certificate.cert,
      }) as never,
      secrets: { password: 'wrong-password-123' },
    })
    const result = await harness.part.handlers['notice.targets.test']({
      id: 'mail',
      address: 'b@example.test',
    })
    expect(result).toMatchObject({ ok: false, address: 'b@example.test' })
    expect(result.message.en).toContain('refused the user name or password')
    expect(result.detail).toMatch(/535|Invalid username or password/)
    const line = harness.history.search({ category: 'notices' }, 5).entries[0]!
    expect(line.level).toBe('error')
    expect(line.messageEn).toContain('Test send of the notice target "社内メール"')
  })
})
