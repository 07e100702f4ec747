import { beforeEach, describe, expect, it } from 'vitest'
import type { CalendarCheckResult, CalendarStatus } from '../../src/shared/model/calendar'
import { runCli } from '../support/cli'
import { openTestCore, tempDataDir } from '../support/test-core'

let dir: string

/** One pair saved the way the UI would; its target password was never stored in the keychain. */
beforeEach(async () => {
  dir = tempDataDir('renkei-cal-cli-')
  const core = await openTestCore(dir)
  await core.api['calendar.pairs.save']({
    id: 'cli-test-u0001',
    number: 1,
    name: '山田 太郎',
    source: { kind: 'ics', url: 'http://127.0.0.1:1/feed.ics' },
    target: { kind: 'caldav', url: 'http://127.0.0.1:1/alice/calendar/', username: 'alice' },
  })
  await core.close()
})

describe('renkei calendar', () => {
  it('status --json lists the users with their states', () => {
    const result = runCli(['--data-dir', dir, 'calendar', 'status', '--json'])
    expect(result.status).toBe(0)
    const status = JSON.parse(result.stdout) as CalendarStatus
    expect(status.pairs.map((p) => [p.number, p.name, p.state])).toEqual([[1, '山田 太郎', 'syncing']])
    expect(status.counts).toEqual({ syncing: 1, stopped: 0, disabled: 0 })
  })

  it('run exits 1 and says, in both languages, that the target password is missing', () => {
    const result = runCli(['--data-dir', dir, 'calendar', 'run', 'cli-test-u0001'])
    expect(result.status).toBe(1)
    expect(result.stdout).toContain('同期先のパスワード（またはトークン）が設定されていません')
    expect(result.stdout).toContain('The target password (or token) is not set')
  })

  it('check exits 1 and names the failing step with its fix', () => {
    const result = runCli(['--data-dir', dir, 'calendar', 'check', 'cli-test-u0001', '--json'])
    expect(result.status).toBe(1)
    const check = JSON.parse(result.stdout) as CalendarCheckResult
    expect(check.steps.find((s) => s.ok === false)).toMatchObject({ id: 'target-credentials' })
    expect(check.steps).toHaveLength(8)
  })

  it('an unknown user is a clear error', () => {
    const result = runCli(['--data-dir', dir, 'calendar', 'run', 'nobody'])
    expect(result.status).not.toBe(0)
    expect(result.stderr).toContain('カレンダー同期のユーザー「nobody」はありません')
  })
})
