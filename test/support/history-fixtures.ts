import { writeFileSync } from 'node:fs'
import type { Direction, Level, NewHistoryEntry } from '../../src/shared/model/history'

export interface EntrySpec {
  readonly count: number
  readonly site: string
  /** Newest entry's time; each next one is `stepMs` older. */
  readonly newest: number
  readonly stepMs?: number
  readonly uidPrefix?: string
}

const levels: readonly Level[] = ['info', 'info', 'warning', 'error']
const directions: readonly Direction[] = ['send', 'receive', 'local']
const categories = ['社員', '部署', 'スケジュール', '在席状況'] as const

/** Deterministic entries with Japanese text, varied level/direction/category, for a known filter arithmetic. */
export function makeEntries(spec: EntrySpec): NewHistoryEntry[] {
  const step = spec.stepMs ?? 60_000
  return Array.from({ length: spec.count }, (_, i) => ({
    uid: `${spec.uidPrefix ?? spec.site}-${i}`,
    ts: spec.newest - i * step,
    site: spec.site,
    direction: directions[i % directions.length]!,
    category: categories[i % categories.length]!,
    level: levels[i % levels.length]!,
    message: `${spec.site}の${categories[i % categories.length]}を連携しました（${i}番目）`,
    messageEn: `Synchronised ${spec.site} item ${i}`,
    detail: { index: i },
  }))
}

export function writeJsonl(file: string, entries: readonly NewHistoryEntry[]): void {
  writeFileSync(file, entries.map((e) => JSON.stringify(e)).join('\n') + '\n')
}
