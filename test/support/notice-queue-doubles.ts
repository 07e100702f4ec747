/** The notice queue with a sender double (a port, not a server) and a clock a test can move. */
import { rmSync } from 'node:fs'
import type { NoticeTargetInput } from '../../src/shared/model/notices'
import { ConnectorError } from '../../src/main/core/connectors/connector-error'
import type { NoticeSender, OutgoingNotice } from '../../src/main/core/engines/notices/notice-ports'
import { openQueueFixture, seedEmployees, type QueueFixture } from './notice-queue-fixture'
import { tempDataDir } from './test-core'

const dirs: string[] = []
const open: QueueFixture[] = []

export async function closeQueueDoubles(): Promise<void> {
  for (const f of open.splice(0)) await f.close()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
}

/** Real time moved by the test: timers fire as they would, and a test can jump ahead. */
export class Clock {
  private offset = 0
  get t(): number {
    return Date.now() + this.offset
  }
  set t(at: number) {
    this.offset = at - Date.now()
  }
}

export interface Sent {
  readonly target: string
  readonly notice: OutgoingNotice
}

export const transient = new ConnectorError(
  'transient',
  { ja: '一時的な失敗', en: 'Temporary failure' },
  '421 busy',
)
export const permanent = new ConnectorError(
  'permanent',
  { ja: '宛先がありません', en: 'No such recipient' },
  '550 no such user',
)

/** Targets default to 6,000 a minute here, so the rate limit only shows where a test sets it. */
export function queueWithSenderDouble(
  behave: (notice: OutgoingNotice, target: string) => Promise<void> | void = () => {},
  targets: NoticeTargetInput[] = [{ id: 'mail', name: 'Mail', kind: 'smtp' }],
  settings: Parameters<typeof openQueueFixture>[1]['settings'] = {},
  more: { adminFails?: boolean; dir?: string } = {},
): { f: QueueFixture; sent: Sent[]; clock: Clock; dir: string } {
  const dir = more.dir ?? tempDataDir('renkei-notice-queue-')
  if (!more.dir) dirs.push(dir)
  const sent: Sent[] = []
  const clock = new Clock()
  const f = openQueueFixture(dir, {
    now: () => clock.t,
    targets: targets.map((t) => ({ ratePerMinute: 6000, ...t })),
    settings,
    ...(more.adminFails ? { adminFails: true } : {}),
    senderFor: (target): NoticeSender => ({
      send: async (notice) => {
        await behave(notice, target.id)
        sent.push({ target: target.id, notice })
        return { detail: '250 ok' }
      },
    }),
  })
  if (!more.dir) seedEmployees(f.db, 5)
  open.push(f)
  return { f, sent, clock, dir }
}
