/**
 * Presence (在席状況, seed 002): set only at the home site, through the API, the CLI and the UI. Each change
 * tells the listeners (the outbox plans a 'presence' send) after it is stored.
 */
import type { ParsedInput } from '../../../../shared/api'
import { ApiError } from '../../../../shared/model/errors'
import { presenceKindLabels, type PresenceEntry } from '../../../../shared/model/sitelink'
import { writeAudit } from '../../audit'
import type { HomeDirectoryRepository } from '../../directory/home-directory-repository'
import type { HistoryRepository } from '../../history/history-repository'
import { optionalText, presenceDate, presenceReturnAt } from './presence-input'
import type { PresenceRepository } from './presence-repository'

/** One stored change: `entry` null = the employee's entry for that day was cleared. */
export interface PresenceChange {
  readonly employeeKey: string
  readonly date: string
  readonly entry: PresenceEntry | null
}

export interface PresenceServiceDeps {
  readonly presence: PresenceRepository
  readonly home: Pick<HomeDirectoryRepository, 'objects'>
  readonly history: HistoryRepository
  readonly now: () => number
}

export class PresenceService {
  private readonly listeners = new Set<(change: PresenceChange) => void>()

  constructor(private readonly deps: PresenceServiceDeps) {}

  /** Called after every stored change; returns the function that unsubscribes. */
  onChanged(listener: (change: PresenceChange) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  list(input: ParsedInput<'presence.list'>): PresenceEntry[] {
    const date = input.date === undefined ? undefined : presenceDate(input.date)
    return this.deps.presence.list({ date, employeeKey: input.employeeKey })
  }

  set(input: ParsedInput<'presence.set'>): PresenceEntry {
    const name = this.employeeName(input.employeeKey)
    const date = presenceDate(input.date)
    const entry: PresenceEntry = {
      employeeKey: input.employeeKey,
      date,
      kind: input.kind,
      destination: optionalText(input.destination),
      returnAt:
        input.returnAt === null || input.returnAt.trim() === ''
          ? null
          : presenceReturnAt(input.returnAt, date),
      note: optionalText(input.note),
      updatedAt: this.deps.now(),
    }
    this.deps.presence.save(entry)
    const label = presenceKindLabels[entry.kind]
    writeAudit(this.deps.history, {
      ja: `${name}（${entry.employeeKey}）の ${date} の在席状況を「${label.ja}」にしました`,
      en: `Set the presence of ${name} (${entry.employeeKey}) on ${date} to "${label.en}"`,
    })
    this.changed({ employeeKey: entry.employeeKey, date, entry })
    return entry
  }

  clear(input: ParsedInput<'presence.clear'>): boolean {
    const date = presenceDate(input.date)
    if (!this.deps.presence.remove(input.employeeKey, date)) return false
    writeAudit(this.deps.history, {
      ja: `${input.employeeKey} の ${date} の在席状況を消去しました`,
      en: `Cleared the presence of ${input.employeeKey} on ${date}`,
    })
    this.changed({ employeeKey: input.employeeKey, date, entry: null })
    return true
  }

  /** The home directory's name for the key; unknown keys are refused (presence is for home employees). */
  private employeeName(key: string): string {
    const employee = this.deps.home.objects([`employee\t${key}`]).get(`employee\t${key}`) as
      { nameJa?: string } | undefined
    if (!employee) {
      throw new ApiError('invalid-input', {
        ja: `社員「${key}」はホームディレクトリにいません。社員番号（キー）を確認してください。何も変更していません。`,
        en: `There is no employee "${key}" in the home directory. Check the employee key. Nothing was changed.`,
      })
    }
    return employee.nameJa ?? key
  }

  private changed(change: PresenceChange): void {
    for (const listener of this.listeners) listener(change)
  }
}

/** The API methods, implemented once. */
export function createPresenceHandlers(service: PresenceService) {
  return {
    'presence.list': async (input: ParsedInput<'presence.list'>) => service.list(input),
    'presence.set': async (input: ParsedInput<'presence.set'>) => service.set(input),
    'presence.clear': async (input: ParsedInput<'presence.clear'>) => ({ cleared: service.clear(input) }),
  }
}
