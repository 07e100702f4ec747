import type { Command } from 'commander'
import { historyFilter, type HistoryFilter } from '../../shared/api'
import { UsageError } from './cli-output'

export interface FilterOptions {
  site?: string
  direction?: string
  category?: string
  level?: string
  from?: string
  to?: string
  text?: string
}

export function addFilterOptions(command: Command): Command {
  return command
    .option('--site <site>', 'site or link name, or how it starts ("山田" finds 山田商事)')
    .option('--direction <direction>', 'send | receive | local')
    .option('--category <category>', 'category, e.g. audit, scheduler')
    .option('--level <level>', 'info | warning | error')
    .option('--from <iso>', 'from this time (inclusive), e.g. 2026-01-01 or 2026-01-01T09:00+09:00')
    .option('--to <iso>', 'until this time (exclusive)')
    .option('--text <text>', 'words the message contains')
}

function time(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const ms = Date.parse(value)
  if (Number.isNaN(ms))
    throw new UsageError(`--${name} "${value}" is not a date/time: use ISO 8601, e.g. 2026-04-01T00:00+09:00`)
  return ms
}

/** Turns command-line options into the contract's filter, with the same validation as the UI. */
export function toFilter(options: FilterOptions): HistoryFilter {
  const parsed = historyFilter.safeParse({
    site: options.site,
    direction: options.direction,
    category: options.category,
    level: options.level,
    from: time('from', options.from),
    to: time('to', options.to),
    text: options.text,
  })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new UsageError(`--${String(issue?.path[0] ?? 'filter')}: ${issue?.message ?? 'invalid value'}`)
  }
  return parsed.data
}
