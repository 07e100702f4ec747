/**
 * `renkei notice send-test|queue|retry|event` as an administrator runs them: the built CLI on a data
 * directory whose targets were set up through the API, sending to a real SMTP server on loopback
 * (smtp-server + mailparser, with AUTH: the password comes from the keychain in the CLI's own process).
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { NoticeEventInput, NoticeQueuePage } from '../../src/shared/model/notices'
import { KeychainSecretStore } from '../../src/main/core/secrets/keychain-secret-store'
import { runCli } from '../support/cli'
import { runCliAsync } from '../support/notice-cli-run'
import { testEmployee, testSnapshot, writeHome } from '../support/exchange-sites'
import { skipWithoutKeychain } from '../support/keychain'
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink'
import { openTestCore, tempDataDir } from '../support/test-core'

const login = { user: 'renkei', password: `pw-${process.pid}-notice-cli` }

function smtpTarget(id: string, port: number) {
  return {
    id,
    name: `メール ${id}`,
    kind: 'smtp' as const,
    smtp: {
      host: '127.0.0.1',
      port,
      security: 'none' as const,
      username: login.user,
      from: 'renkei@a.example.jp',
    },
  }
}

const event: NoticeEventInput = {
  id: 'neo-message-1',
  kind: 'message.created',
  addressees: ['user1@a.example.jp', 'nobody@elsewhere.example'],
  fields: { actor: '中野愛', requester: '○○株式会社 鈴木様', purpose: '折り返し電話をください' },
}

describe.skipIf(skipWithoutKeychain())('renkei notice refusals (built CLI)', () => {
  const dir = tempDataDir('renkei-notice-cli-usage-')
  const cli = (args: string[]) => runCli(['--data-dir', dir, 'notice', ...args])

  it('refuses a bad command line in both languages, exit 2', () => {
    const badState = cli(['queue', '--state', 'lost'])
    expect(badState.status).toBe(2)
    expect(badState.stderr).toMatch(/状態「lost」はありません[\s\S]*There is no state "lost"/)
    for (const args of [['retry'], ['retry', '5', '--all'], ['retry', '--target', 'mail', '--all']]) {
      const refused = cli(args)
      expect(refused.status).toBe(2)
      expect(refused.stderr).toMatch(/何も変更していません[\s\S]*Nothing was changed/)
    }
    expect(cli(['retry', 'abc']).stderr).toMatch(/数字ではありません[\s\S]*not a number/)
    const missing = cli(['event', join(dir, 'missing.json')])
    expect(missing.status).toBe(2)
    expect(missing.stderr).toMatch(/読めません[\s\S]*Cannot read/)
  })

  it('refuses an event the contract does not allow (a misspelt field), in both languages', () => {
    const file = join(dir, 'typo.json')
    writeFileSync(file, JSON.stringify({ ...event, fields: { purpse: '折り返し' } }))
    const refused = cli(['event', file])
    expect(refused.status).toBe(2)
    expect(refused.stderr).toMatch(/入力が正しくありません[\s\S]*The input is not valid/)
    expect(refused.stderr).toContain('purpse')
  })
})

describe.skipIf(skipWithoutKeychain())('renkei notice (built CLI, real SMTP server)', () => {
  const dir = tempDataDir('renkei-notice-cli-')
  // Not spawnSync: the SMTP servers run in this process and must answer while the CLI waits.
  const cli = (args: string[], input?: string) => runCliAsync(['--data-dir', dir, 'notice', ...args], input)
  let sink: SmtpSink
  let refusing: SmtpSink

  beforeAll(async () => {
    sink = await startSmtpSink({ login })
    refusing = await startSmtpSink({ login, refuseWith: { code: 550, text: '5.1.1 User unknown' } })
    writeHome(dir, testSnapshot([1, 2].map((n) => testEmployee(n))))
    const core = await openTestCore(dir, { secrets: new KeychainSecretStore() })
    try {
      for (const [id, port] of [
        ['mail', sink.port],
        ['refuses', refusing.port],
      ] as const) {
        await core.api['notice.targets.save']({
          target: smtpTarget(id, port),
          secrets: { password: login.password },
        })
      }
      await core.api['notice.optins.set']({
        scope: 'employee',
        code: 'E000001',
        kinds: ['message.created'],
        enabled: true,
      })
    } finally {
      await core.close()
    }
  })

  afterAll(async () => {
    await sink?.stop()
    await refusing?.stop()
  })

  it('sends a test to an employee and to an address typed, with the password from the keychain', async () => {
    const toEmployee = await cli(['send-test', 'mail', '--to', 'E000002'])
    expect(toEmployee.stderr).toBe('')
    expect(toEmployee.status).toBe(0)
    expect(toEmployee.stdout).toContain('user2@a.example.jp')
    const toAddress = JSON.parse(
      (await cli(['send-test', 'mail', '--to', 'admin@a.example.jp', '--json'])).stdout,
    )
    expect(toAddress).toMatchObject({ ok: true, address: 'admin@a.example.jp' })
    const messages = await sink.waitFor(2)
    expect(messages.map((m) => m.to)).toEqual([['user2@a.example.jp'], ['admin@a.example.jp']])
  })

  it('says why a test send failed, with the server words, and exits 1', async () => {
    const failed = await cli(['send-test', 'refuses', '--to', 'admin@a.example.jp'])
    expect(failed.status).toBe(1)
    expect(failed.stderr).toMatch(/送信できませんでした[\s\S]*550/)
    expect(failed.stderr).not.toContain(login.password)
  })

  it('takes in an event from standard input once, reports unknown addressees, and queues it', async () => {
    const first = await cli(['event', '-', '--source', 'neo'], JSON.stringify(event))
    expect(first.stderr).toBe('')
    expect(first.stdout).toMatch(/accepted: .*1 opted in, 2 messages queued/)
    expect(first.stdout).toContain('nobody@elsewhere.example')
    const again = await cli(['event', '-', '--source', 'neo', '--json'], JSON.stringify(event))
    expect(JSON.parse(again.stdout)).toMatchObject({ accepted: false })
    const page = JSON.parse((await cli(['queue', '--state', 'pending', '--json'])).stdout) as NoticeQueuePage
    expect(page.counts.pending).toBe(2)
    expect(page.messages.map((m) => [m.targetId, m.address]).sort()).toEqual([
      ['mail', 'user1@a.example.jp'],
      ['refuses', 'user1@a.example.jp'],
    ])
  })

  it('lists what the worker set aside and puts it back with retry --target', async () => {
    // The worker runs in the app, not in CLI commands: a core with its scheduler delivers the queue.
    const core = await openTestCore(dir, { secrets: new KeychainSecretStore(), startScheduler: true })
    try {
      await vi.waitFor(
        async () => {
          const { counts } = await core.api['notice.queue']({})
          expect(counts).toMatchObject({ pending: 0, sent: 1, 'set-aside': 1 })
        },
        { timeout: 20_000, interval: 200 },
      )
    } finally {
      await core.close()
    }
    expect((await sink.waitFor(3))[2]!.mail.text).toContain('折り返し電話をください')
    const setAside = await cli(['queue', '--state', 'set-aside', '--target', 'refuses'])
    expect(setAside.status).toBe(0)
    expect(setAside.stdout).toMatch(/set-aside 1/)
    expect(setAside.stdout).toMatch(/#\d+ +set-aside +refuses +message\.created +E000001/)
    expect(setAside.stdout).toContain('550')
    expect((await cli(['retry', '--target', 'mail'])).stdout).toContain('retried 0')
    expect((await cli(['retry', '--target', 'refuses'])).stdout).toContain('retried 1')
    const after = JSON.parse((await cli(['queue', '--json'])).stdout) as NoticeQueuePage
    expect(after.counts).toMatchObject({ pending: 1, 'set-aside': 0, sent: 1 })
  })
})
