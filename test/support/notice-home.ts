/**
 * A core with a small home directory imported from CSV and the 伝言 opt-in rules most notice tests start from:
 * everyone gets message.created, Sato opted out herself. Suzuki is inactive, Kato has no e-mail address.
 */
import { rmSync } from 'node:fs'
import { expect } from 'vitest'
import type { Core } from '../../src/main/core/core-types'
import { TestClock } from '../../src/main/core/scheduler/test-clock'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import { ApiError } from '../../src/shared/model/errors'
import type { NoticeEventInput, NoticeInboxEvent } from '../../src/shared/model/notices'
import { writeDirectoryCsv, type CsvPerson } from './directory-csv'
import { confirmedDirectoryRun } from './directory-run'
import { openTestCore, tempDataDir } from './test-core'

export const noticeStaff: readonly CsvPerson[] = [
  {
    key: 'E0001',
    login: 'yamada',
    name: '山田 太郎',
    email: 'yamada@example.jp',
    dept: 'S1',
    groups: '営業プロジェクト',
  },
  { key: 'E0002', login: 'sato', name: '佐藤 花子', email: 'Sato.Hanako@Example.jp', dept: 'S1' },
  {
    key: 'E0003',
    login: 'suzuki',
    name: '鈴木 一郎',
    email: 'suzuki@example.jp',
    dept: 'S1',
    status: '無効',
  },
  { key: 'E0004', login: 'kato', name: '加藤 桃子', dept: 'SALES' },
]

/** Seed ⑥'s 伝言, for Yamada, Sato (by e-mail, other case), the inactive Suzuki, someone unknown and Kato. */
export const seedMessage: NoticeEventInput = {
  id: 'dneo-msg-1001',
  kind: 'message.created',
  occurredAt: '2022-12-20T16:08:00+09:00',
  addressees: ['E0001', 'sato.hanako@example.JP', 'suzuki', 'nobody@example.jp', 'kato'],
  fields: {
    actor: '中野愛',
    when: '2022年12月20日 火曜日 16:08',
    requester: '○○株式会社 鈴木様',
    purpose: '折り返し電話をください',
    contact: 'XXX-XXXX',
  },
}

export interface NoticeHome {
  readonly dir: string
  readonly clock: TestClock
  readonly secrets: MemorySecretStore
  core: Core
  /** Every `notice.inbox` event of the first core. */
  readonly inbox: NoticeInboxEvent[]
  /** Closes the core (if open) and removes the data directory. */
  close(): Promise<void>
}

export async function openNoticeHome(prefix: string): Promise<NoticeHome> {
  const dir = tempDataDir(prefix)
  const clock = new TestClock(Date.parse('2026-11-23T09:00:00+09:00'))
  const secrets = new MemorySecretStore()
  const core = await openTestCore(dir, { secrets, clock })
  await core.api['directory.config.update']({
    source: { kind: 'csv', ...writeDirectoryCsv(dir, noticeStaff) },
  })
  expect((await confirmedDirectoryRun(core.api)).outcome).toBe('ok')
  const inbox: NoticeInboxEvent[] = []
  core.subscribe('notice.inbox', (event) => inbox.push(event))
  await core.api['notice.optins.set']({
    scope: 'everyone',
    code: '',
    kinds: ['message.created'],
    enabled: true,
  })
  await core.api['notice.optins.set']({
    scope: 'employee',
    code: 'E0002',
    kinds: ['message.created'],
    enabled: false,
  })
  const home: NoticeHome = {
    dir,
    clock,
    secrets,
    core,
    inbox,
    close: async () => {
      await home.core.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
  return home
}

/** The refusal a call ends in: an ApiError 'invalid-input' (its ja/en text is the caller's to check). */
export async function refusal(call: Promise<unknown>): Promise<ApiError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ApiError)
  expect((error as ApiError).code).toBe('invalid-input')
  return error as ApiError
}
