/**
 * Site link in the health model: one subject per pending or linked link (paused → stopped, a failed send
 * or receive → failing, a partner that did not hear a transition → warning, pending → never-run) and the
 * engine as its worst link. Read from the link records and the outbox's `LinkActivity`, nothing kept here.
 */
import { healthSeverity, type HealthState, type HealthSubject } from '../../../../shared/model/health'
import type { JobOutcome } from '../../../../shared/model/jobs'
import type { MachineIdentityState } from '../../../../shared/model/sitelink-rules'
import type { HistoryRepository } from '../../history/history-repository'
import { healthState, type HealthReporter } from '../../health/health-reporter'
import { linkCategory, partnerName } from './link-context'
import type { LinkEngine } from './link-engine'
import type { StoredLink } from './link-repository'
import { machineHealthNote, testCopyHealthNote } from './machine/machine-messages'
import type { MachineWatch } from './machine/machine-watch'

const dayMs = 24 * 60 * 60 * 1000
const pausedNote = { ja: '一時停止中（送受信しません）', en: 'Paused (nothing is sent or received)' }
const pendingNote = { ja: '開始待ち', en: 'Pending: waiting for the start' }
const machinePausedNote = {
  ja: '一時停止中（別の端末で起動されたため自動で停止）',
  en: 'Paused automatically (started on another machine)',
}

function linkHealth(
  engine: LinkEngine,
  history: HistoryRepository,
  link: StoredLink,
  now: number,
): HealthSubject {
  const summary = engine.summary(link)
  const received = Object.values(summary.receipts).some((at) => at !== null)
  const activityError = summary.lastError !== null && summary.lastError !== link.noticeError
  const lastOutcome: JobOutcome | null = activityError
    ? 'error'
    : link.noticeError
      ? 'warning'
      : summary.lastSendAt !== null || received
        ? 'ok'
        : null
  const state: HealthState =
    link.state === 'pending'
      ? 'never-run'
      : healthState({ configured: true, stopped: link.paused, lastOutcome, autoStops: false })
  const name = partnerName(link)
  return {
    engine: 'site-link',
    id: link.id,
    kind: 'link',
    name,
    state,
    errorStreak: activityError ? 1 : 0,
    lastSuccessAt: summary.lastSendAt,
    lastFailureAt: lastFailureAt(history, name, lastOutcome),
    lastFailure: summary.lastError,
    errors24h: history.countCapped(
      { site: name, category: linkCategory, level: 'error', from: now - dayMs },
      999,
    ).count,
    nextRunAt: link.paused ? null : summary.plannedSendAt,
    note:
      link.pauseReason === 'machine'
        ? machinePausedNote
        : link.paused
          ? pausedNote
          : link.state === 'pending'
            ? pendingNote
            : null,
  }
}

/** When the failure shown was written to the history (a failed send is an error, an unheard transition a warning). */
function lastFailureAt(history: HistoryRepository, site: string, outcome: JobOutcome | null): number | null {
  if (outcome !== 'error' && outcome !== 'warning') return null
  const level = outcome === 'error' ? 'error' : 'warning'
  return history.search({ site, category: linkCategory, level }, 1).entries[0]?.ts ?? null
}

/** A moved data directory is never green: at least a warning until confirmed, stopped as a test copy. */
function withMachine(state: HealthState, moved: MachineIdentityState['state']): HealthState {
  const floor: HealthState | null = moved === 'changed' ? 'warning' : moved === 'test-copy' ? 'stopped' : null
  return floor !== null && healthSeverity[state] > healthSeverity[floor] ? floor : state
}

/**
 * `machine`: a data directory that moved machine (test copies) is never green: the engine warns with
 * why until the admin confirms, and stays stopped as a known test copy.
 */
export function siteLinkHealthReporter(
  engine: LinkEngine,
  history: HistoryRepository,
  machine: Pick<MachineWatch, 'state'>,
): HealthReporter {
  return {
    engine: 'site-link',
    report(now) {
      const live = engine.links.list().filter((link) => link.state === 'pending' || link.state === 'linked')
      const subjects = live.map((link) => linkHealth(engine, history, link, now))
      const worst = subjects.reduce<HealthSubject | null>(
        (found, subject) =>
          found === null || healthSeverity[subject.state] < healthSeverity[found.state] ? subject : found,
        null,
      )
      const failing = subjects.find((subject) => subject.lastFailure !== null)
      const moved = machine.state().state
      const machineNote =
        moved === 'changed' ? machineHealthNote : moved === 'test-copy' ? testCopyHealthNote : null
      return {
        engine: {
          engine: 'site-link',
          id: 'site-link',
          kind: 'engine',
          name: null,
          state: withMachine(worst?.state ?? 'disabled', moved),
          errorStreak: 0,
          lastSuccessAt: Math.max(0, ...subjects.map((s) => s.lastSuccessAt ?? 0)) || null,
          lastFailureAt: failing?.lastFailureAt ?? null,
          lastFailure: failing?.lastFailure
            ? {
                ja: `「${failing.name}」: ${failing.lastFailure.ja}`,
                en: `"${failing.name}": ${failing.lastFailure.en}`,
              }
            : null,
          errors24h: subjects.reduce((sum, subject) => sum + subject.errors24h, 0),
          nextRunAt: null,
          note:
            machineNote ?? (subjects.length === 0 ? { ja: 'リンクがありません', en: 'No links yet' } : null),
        },
        subjects,
      }
    },
  }
}
