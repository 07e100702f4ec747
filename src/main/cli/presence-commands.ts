import type { Command } from 'commander'
import {
  presenceKindLabels,
  presenceKinds,
  type PresenceEntry,
  type PresenceKind,
} from '../../shared/model/sitelink'
import { printJson, UsageError } from './cli-output'
import { withCore, type GlobalOptions } from './with-core'

/** `out` or 外出: the kind as scripts or people write it. */
function kindOf(text: string): PresenceKind {
  const kind = presenceKinds.find((k) => k === text || presenceKindLabels[k].ja === text)
  if (kind) return kind
  const choices = presenceKinds.map((k) => `${k} (${presenceKindLabels[k].ja})`).join(', ')
  throw new UsageError({
    ja: `在席区分「${text}」はありません。次のどれかを指定してください: ${choices}`,
    en: `There is no presence kind "${text}". Use one of: ${choices}`,
  })
}

function localTime(ms: number): string {
  const d = new Date(ms)
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

function entryLine(entry: PresenceEntry): string {
  const label = presenceKindLabels[entry.kind]
  const parts = [`${entry.date}  ${entry.employeeKey}  ${label.ja} / ${label.en}`]
  if (entry.destination) parts.push(`行先 destination: ${entry.destination}`)
  if (entry.returnAt !== null) parts.push(`帰社 back: ${localTime(entry.returnAt)}`)
  if (entry.note) parts.push(`備考 note: ${entry.note}`)
  return parts.join('  ')
}

interface SetOptions {
  destination?: string
  returnAt?: string
  note?: string
  json?: boolean
}

/** `renkei presence set|list|clear`: 在席状況 of home employees, which linked sites receive. */
export function registerPresenceCommands(program: Command, globals: () => GlobalOptions): void {
  const presence = program
    .command('presence')
    .description("home employees' presence (在席状況), sent to linked sites")
  presence
    .command('set <employee> <date> <kind>')
    .description(`set an employee's presence for a day; kind: ${presenceKinds.join('|')} (or 在席, 外出, …)`)
    .option('--destination <text>', '行先・補足: where, or a remark')
    .option('--return-at <time>', '帰社日時: 17:30, or 2026-12-02 17:30')
    .option('--note <text>', '備考')
    .option('--json', 'print JSON')
    .action(async (employeeKey: string, date: string, kindText: string, options: SetOptions) => {
      const kind = kindOf(kindText)
      await withCore(globals(), async (core) => {
        const entry = await core.api['presence.set']({
          employeeKey,
          date,
          kind,
          destination: options.destination ?? null,
          returnAt: options.returnAt ?? null,
          note: options.note ?? null,
        })
        if (options.json) printJson(entry)
        else process.stdout.write(`${entryLine(entry)}\n`)
      })
    })
  presence
    .command('list')
    .description('list presence entries, by date then employee')
    .option('--date <date>', 'only this day (2026-12-02)')
    .option('--employee <key>', 'only this employee')
    .option('--json', 'print JSON')
    .action(async (options: { date?: string; employee?: string; json?: boolean }) => {
      await withCore(globals(), async (core) => {
        const entries = await core.api['presence.list']({ date: options.date, employeeKey: options.employee })
        if (options.json) printJson(entries)
        else process.stdout.write(entries.length ? `${entries.map(entryLine).join('\n')}\n` : 'no entries\n')
      })
    })
  presence
    .command('clear <employee> <date>')
    .description("clear an employee's presence for a day")
    .option('--json', 'print JSON')
    .action(async (employeeKey: string, date: string, options: { json?: boolean }) => {
      await withCore(globals(), async (core) => {
        const result = await core.api['presence.clear']({ employeeKey, date })
        if (options.json) printJson(result)
        else process.stdout.write(result.cleared ? 'cleared\n' : 'nothing to clear\n')
      })
    })
}
