import { rmSync } from 'node:fs'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { AlertDispatcher, coalesceMs, reminderMs } from '../../src/main/core/alerts/alert-dispatcher'
import { EventBus } from '../../src/main/core/event-bus'
import { HistoryRepository } from '../../src/main/core/history/history-repository'
import { TestClock } from '../../src/main/core/scheduler/test-clock'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import { openDatabase, type Db } from '../../src/main/core/store/database'
import { alertSettings } from '../../src/shared/model/alerts'
import type { CalendarPairStatus } from '../../src/shared/model/calendar'
import type { JobOutcome, JobStatus } from '../../src/shared/model/jobs'
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink'
import { tempDataDir } from '../support/test-core'

const minute = 60_000
let sink: SmtpSink
let dir: string
let db: Db
let clock: TestClock
let events: EventBus
let dispatcher: AlertDispatcher

beforeAll(async () => {
  sink = await startSmtpSink()
})
afterAll(() => sink.stop())
beforeEach(() => {
  dir = tempDataDir('renkei-alert-burst-')
  db = openDatabase(dir)
  clock = new TestClock(Date.parse('2026-11-23T09:00:00+09:00'))
  events = new EventBus()
  const settings = alertSettings.parse({
    email: {
      enabled: true,
      host: '127.0.0.1',
      port: sink.port,
      security: 'none',
      from: 'r@x.test',
      to: ['a@x.test'],
    },
  })
  dispatcher = new AlertDispatcher({
    events,
    clock,
    history: new HistoryRepository(db, () => clock.now()),
    secrets: new MemorySecretStore(),
    settings: () => settings,
  })
  sink.messages.length = 0
})
afterEach(async () => {
  await dispatcher.close()
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

function job(outcome: JobOutcome | null): JobStatus {
  return {
    id: 'directory',
    title: { ja: 'ディレクトリ同期', en: 'directory sync' },
    schedule: { kind: 'interval', minutes: 10, jitterSeconds: 0 },
    paused: false,
    needsConfirmation: true,
    running: false,
    nextRunAt: null,
    lastStartedAt: null,
    lastFinishedAt: null,
    lastOutcome: outcome,
    lastMessage: outcome === 'ok' ? { ja: '120 人を同期しました', en: 'Synced 120 people' } : null,
  }
}

/** One failed run of the directory job, as the scheduler reports it, then ten minutes pass. */
async function failOnce(): Promise<void> {
  events.emit('jobs.changed', [job('error')])
  events.emit('jobs.failed', {
    job: job('error'),
    message: { ja: 'LDAP に接続できません', en: 'LDAP unreachable' },
  })
  await clock.advance(10 * minute)
}

async function subjects(): Promise<(string | undefined)[]> {
  await dispatcher.close()
  return sink.messages.map((m) => m.mail.subject)
}

describe('alert dispatcher: no flood', () => {
  it('a job failing every 10 minutes alerts once, then once on recovery', async () => {
    for (let i = 0; i < 6; i++) await failOnce()
    await sink.waitFor(1)
    expect(sink.messages).toHaveLength(1)
    events.emit('jobs.changed', [job('ok')])
    await clock.advance(coalesceMs)
    expect(await subjects()).toEqual([
      '[Renkei] 連携に失敗しました: ディレクトリ同期 / Sync failed: directory sync',
      '[Renkei] 復旧しました: ディレクトリ同期 / Recovered: directory sync',
    ])
    expect(sink.messages[1]!.mail.text).toContain('失敗 6 回のあと、正常に終わりました。120 人を同期しました')
  })

  it('a job still failing a day later is mentioned once more, with the count', async () => {
    await failOnce()
    const runs = reminderMs / (10 * minute)
    for (let i = 0; i < runs; i++) await failOnce()
    expect(await subjects()).toEqual([
      '[Renkei] 連携に失敗しました: ディレクトリ同期 / Sync failed: directory sync',
      `[Renkei] まだ失敗しています（${runs + 1} 回）: ディレクトリ同期 / Still failing (${runs + 1} runs): directory sync`,
    ])
  })

  it('a job that failed again after recovering is alerted again', async () => {
    await failOnce()
    events.emit('jobs.changed', [job('ok')])
    await failOnce()
    expect(await subjects()).toEqual([
      '[Renkei] 連携に失敗しました: ディレクトリ同期 / Sync failed: directory sync',
      // The recovery and the new failure came within one coalescing window.
      '[Renkei] 通知 2 件 / 2 alerts',
    ])
    expect(sink.messages[1]!.mail.text).toMatch(/■ 復旧しました: ディレクトリ同期[\s\S]*■ 連携に失敗しました/)
  })

  it('users stopped in the same run travel in one message', async () => {
    const stop = (id: string, name: string): void =>
      events.emit('calendar.stopped', {
        pair: { id, name } as CalendarPairStatus,
        message: { ja: `${name} を停止`, en: `${name} stopped` },
      })
    stop('u0001', '山田 太郎')
    stop('u0002', '佐藤 花子')
    await clock.advance(coalesceMs)
    stop('u0003', '鈴木 一郎')
    expect(await subjects()).toEqual([
      '[Renkei] 通知 2 件 / 2 alerts',
      '[Renkei] カレンダー同期を停止しました: 鈴木 一郎 / Calendar sync stopped: 鈴木 一郎',
    ])
    expect(sink.messages[0]!.mail.text).toMatch(/山田 太郎 を停止[\s\S]*佐藤 花子 を停止/)
  })
})
