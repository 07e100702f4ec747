import type { CalendarChange, CalendarRunSummary } from '../../../../shared/model/calendar'
import type { CalendarPairConfig, CalendarSettings } from '../../../../shared/model/calendar-config'
import type { Localized } from '../../../../shared/model/localized'
import type { NewHistoryEntry } from '../../../../shared/model/history'
import { ConnectorError } from '../../connectors/connector-error'
import type { HistoryRepository } from '../../history/history-repository'
import { advanceStreak } from '../../health/health-reporter'
import type { CalendarAction, CalendarPlan } from './calendar-actions'
import { applyActions, type ApplyResult } from './calendar-applier'
import type { CalendarConnectorFactory, PairConnectors } from './calendar-connector-factory'
import type { CalendarItem, ParsedCalendar } from './calendar-connectors'
import {
  knownObjects,
  type CalendarStateRepository,
  type ItemMapping,
  type PairSyncState,
} from './calendar-state'
import { readCalendarView } from './calendar-views'
import { changeHistoryEntry, safeLocation } from './change-records'
import { planOneWay } from './one-way-planner'
import { classify, errorHistoryEntry } from './run-errors'
import { syncWindow, type SyncWindow } from './sync-window'
import { planTwoWay } from './two-way-planner'

export interface PairSyncDeps {
  readonly state: CalendarStateRepository
  readonly history: HistoryRepository
  readonly transaction: (work: () => void) => void
  readonly connectors: CalendarConnectorFactory
  readonly parse: (text: string) => ParsedCalendar
  /** A pair's feed parser, which reuses last run's items for events whose lines did not change. */
  readonly feedParser: (pairId: string) => { parse(text: string): Pick<ParsedCalendar, 'items' | 'problems'> }
  readonly onChange: (change: CalendarChange) => void
  readonly now: () => number
}

interface RunContext {
  readonly pair: CalendarPairConfig
  readonly deps: PairSyncDeps
  readonly signal: AbortSignal
  readonly window: SyncWindow
  readonly previous: PairSyncState
  /** The last run finished everything and the window has not moved: deltas are enough. */
  readonly fresh: boolean
  readonly mapping: Map<string, ItemMapping>
  errors: number
  warnings: number
}

const sourceProblemContext: Localized = { ja: '同期元の予定を読めません', en: 'Cannot read a source event' }
const runContext: Localized = { ja: '同期に失敗しました', en: 'Sync failed' }
const eventContext: Localized = {
  ja: 'この予定はサーバーに拒否されたため保留しました（予定が変わるまで再送しません）',
  en: 'The server refused this event; it is set aside (not sent again until it changes)',
}

function record(
  ctx: RunContext,
  entry: NewHistoryEntry,
  kind: Parameters<CalendarStateRepository['recordError']>[2],
): void {
  ctx.deps.history.append(entry)
  ctx.deps.state.recordError(ctx.pair.id, ctx.deps.now(), kind)
  ctx.errors++
}

/** Problems in single source events: reported (as warnings, they are the producer's), the rest still syncs. */
function reportProblems(ctx: RunContext, parsed: Pick<ParsedCalendar, 'problems'>): void {
  for (const problem of parsed.problems) {
    ctx.warnings++
    ctx.deps.history.append({
      site: ctx.pair.name,
      direction: 'receive',
      category: 'calendar',
      level: 'warning',
      message: `${sourceProblemContext.ja}: ${problem.message.ja}`,
      messageEn: `${sourceProblemContext.en}: ${problem.message.en}`,
      detail: { uid: problem.uid, line: problem.line },
    })
  }
}

function applyPlan(ctx: RunContext, connectors: PairConnectors, plan: CalendarPlan): Promise<ApplyResult> {
  const { deps, pair } = ctx
  deps.transaction(() => {
    for (const row of plan.bookkeeping) {
      if (row.mapping) deps.state.putItem(pair.id, row.mapping)
      else deps.state.removeItem(pair.id, row.uid)
    }
  })
  return applyActions(plan.actions, {
    pairId: pair.id,
    user: pair.name,
    calendars: { target: connectors.target, ...(connectors.source ? { source: connectors.source } : {}) },
    where: { target: safeLocation(pair.target.url), source: safeLocation(pair.source.url) },
    parse: deps.parse,
    now: deps.now,
    signal: ctx.signal,
    committed: (uid, mapping, change) => {
      deps.transaction(() => {
        if (mapping) deps.state.putItem(pair.id, mapping)
        else deps.state.removeItem(pair.id, uid)
        if (change) deps.history.append(changeHistoryEntry(change))
      })
      if (change) deps.onChange(change)
    },
    setAside: (action, error) => setAside(ctx, action, error),
  })
}

function setAside(ctx: RunContext, action: CalendarAction, error: ConnectorError): void {
  const item: CalendarItem | null = action.kind === 'delete' ? null : action.item
  const previous = action.kind === 'create' ? action.previous : action.mapping
  const uid = item?.uid ?? previous!.uid
  const summary = item?.summary ?? previous?.summary ?? ''
  ctx.deps.transaction(() => {
    if (item) {
      ctx.deps.state.putItem(ctx.pair.id, {
        uid,
        origin: previous?.origin ?? (action.side === 'target' ? 'source' : 'target'),
        sourceHref: previous?.sourceHref ?? null,
        sourceEtag: previous?.sourceEtag ?? null,
        targetHref: previous?.targetHref ?? null,
        targetEtag: previous?.targetEtag ?? null,
        fingerprint: previous?.fingerprint ?? null,
        setAside: item.fingerprint,
        detached: false,
        summary,
        time: item.time,
      })
    }
    record(
      ctx,
      errorHistoryEntry(
        ctx.pair.name,
        classify(error),
        { ja: `${eventContext.ja}: ${summary}`, en: `${eventContext.en}: ${summary}` },
        { uid, httpStatus: error.httpStatus },
      ),
      error.kind,
    )
  })
}

function summaryMessage(
  counts: Omit<CalendarRunSummary, 'message' | 'pairId' | 'durationMs' | 'outcome'>,
): Localized {
  if (counts.unchanged)
    return {
      ja: '変更はありません（同期元は前回から変わっていません）',
      en: 'No changes (the source has not changed since the last sync)',
    }
  const ja = `同期しました: 登録 ${counts.created} 件、変更 ${counts.updated} 件、削除 ${counts.deleted} 件（同期中の予定 ${counts.eventCount} 件）`
  const en = `Synced: ${counts.created} created, ${counts.updated} changed, ${counts.deleted} deleted (${counts.eventCount} events in step)`
  const extraJa = [
    counts.errors ? `エラー ${counts.errors} 件` : '',
    counts.setAside ? `保留 ${counts.setAside} 件` : '',
    counts.conflicts ? `競合 ${counts.conflicts} 件` : '',
  ].filter(Boolean)
  const extraEn = [
    counts.errors ? `${counts.errors} errors` : '',
    counts.setAside ? `${counts.setAside} set aside` : '',
    counts.conflicts ? `${counts.conflicts} conflicts` : '',
  ].filter(Boolean)
  return extraJa.length
    ? { ja: `${ja}。${extraJa.join('、')}`, en: `${en}. ${extraEn.join(', ')}` }
    : { ja, en }
}

/**
 * One run of one pair: read the source (conditional GET or sync token), plan against what the target
 * really holds, write one object at a time. Every error is counted for the auto-stop and written to the
 * history with the server's answer; a run that stops half way is finished by the next without duplicates.
 */
export async function syncPair(
  pair: CalendarPairConfig,
  settings: CalendarSettings,
  deps: PairSyncDeps,
  signal: AbortSignal,
): Promise<CalendarRunSummary> {
  const started = deps.now()
  const window = syncWindow(started, settings.windowPastMonths, settings.windowFutureDays)
  const previous = deps.state.state(pair.id)
  const ctx: RunContext = {
    pair,
    deps,
    signal,
    window,
    previous,
    fresh: previous.complete && previous.windowKey === window.key,
    mapping: deps.state.items(pair.id),
    errors: 0,
    warnings: 0,
  }
  let outcome: Pick<
    CalendarRunSummary,
    'created' | 'updated' | 'deleted' | 'setAside' | 'conflicts' | 'unchanged'
  > = {
    created: 0,
    updated: 0,
    deleted: 0,
    setAside: 0,
    conflicts: 0,
    unchanged: false,
  }
  let failure: Localized | null = null
  /** Which class of error ended the run, if one did: an auth streak survives only network-type failures. */
  let failedKind: ConnectorError['kind'] | 'internal' | null = null
  /** The error that ended the run: counted, and written to the history with the server's answer. */
  const fail = (error: unknown): void => {
    const classified = classify(error)
    failure = classified.message
    failedKind = classified.kind
    const httpStatus = error instanceof ConnectorError ? { httpStatus: error.httpStatus } : {}
    record(ctx, errorHistoryEntry(pair.name, classified, runContext, httpStatus), classified.kind)
  }
  try {
    const connectors = await deps.connectors.build(pair, settings)
    const result =
      pair.direction === 'two-way' ? await runTwoWay(ctx, connectors) : await runOneWay(ctx, connectors)
    outcome = result.counts
    if (result.stoppedBy) fail(result.stoppedBy)
    deps.state.updateState(pair.id, {
      ...result.syncPoint,
      complete: result.stoppedBy === null,
      windowKey: window.key,
    })
  } catch (error) {
    if (signal.aborted) throw error
    fail(error)
    deps.state.updateState(pair.id, { complete: false })
  }
  const counts = { ...outcome, errors: ctx.errors, eventCount: deps.state.counts(pair.id).synced }
  const message = failure ?? summaryMessage(counts)
  const result: CalendarRunSummary = {
    pairId: pair.id,
    outcome: failure ? 'error' : ctx.errors || ctx.warnings || counts.conflicts ? 'warning' : 'ok',
    ...counts,
    durationMs: deps.now() - started,
    message,
  }
  deps.state.updateState(pair.id, {
    ...advanceStreak(previous, result.outcome, message, deps.now()),
    lastRunAt: deps.now(),
    lastOutcome: result.outcome,
    lastMessage: message,
    authFailingSince:
      failedKind === 'auth'
        ? (previous.authFailingSince ?? started)
        : failedKind === 'transient' || failedKind === 'quota'
          ? previous.authFailingSince
          : null,
  })
  return result
}

interface SideRun {
  readonly counts: Pick<
    CalendarRunSummary,
    'created' | 'updated' | 'deleted' | 'setAside' | 'conflicts' | 'unchanged'
  >
  readonly stoppedBy: ConnectorError | null
  readonly syncPoint: Partial<PairSyncState>
}

const unchangedRun = (syncPoint: Partial<PairSyncState>): SideRun => ({
  counts: { created: 0, updated: 0, deleted: 0, setAside: 0, conflicts: 0, unchanged: true },
  stoppedBy: null,
  syncPoint,
})

async function appliedRun(
  ctx: RunContext,
  connectors: PairConnectors,
  plan: CalendarPlan,
  syncPoint: Partial<PairSyncState>,
): Promise<SideRun> {
  const { stoppedBy, created, updated, deleted, setAside } = await applyPlan(ctx, connectors, plan)
  return {
    counts: {
      created,
      updated,
      deleted,
      setAside: setAside + plan.setAside,
      conflicts: plan.conflicts.length,
      unchanged: false,
    },
    stoppedBy,
    syncPoint,
  }
}

async function readSourceItems(
  ctx: RunContext,
  connectors: PairConnectors,
): Promise<{ items: readonly CalendarItem[]; syncPoint: Partial<PairSyncState> } | null> {
  if (connectors.feed) {
    const fetched = await connectors.feed.fetch(ctx.fresh ? ctx.previous.feed : null, ctx.signal)
    if (fetched.status === 'unchanged') return null
    const parsed = ctx.deps.feedParser(ctx.pair.id).parse(fetched.text)
    reportProblems(ctx, parsed)
    return { items: parsed.items, syncPoint: { feed: fetched.validators } }
  }
  // One-way mappings do not keep source hrefs: the token only says whether anything changed; then read it all.
  const source = connectors.source!
  const read = await readCalendarView(source, ctx.fresh ? ctx.previous.sourceToken : null, [], ctx.signal)
  if (read.changedHrefs?.size === 0) return null
  const hrefs =
    read.changedHrefs === null
      ? [...read.view.keys()]
      : (await source.list(ctx.signal)).map((ref) => ref.href)
  const objects = await source.fetch(hrefs, ctx.signal)
  const items = objects.flatMap((object) => {
    const parsed = ctx.deps.parse(object.data)
    reportProblems(ctx, parsed)
    return parsed.items
  })
  return { items, syncPoint: { sourceToken: read.token } }
}

async function runOneWay(ctx: RunContext, connectors: PairConnectors): Promise<SideRun> {
  const source = await readSourceItems(ctx, connectors)
  if (!source) return unchangedRun({})
  const target = await readCalendarView(
    connectors.target,
    ctx.fresh ? ctx.previous.targetToken : null,
    knownObjects(ctx.mapping, 'target'),
    ctx.signal,
  )
  const plan = planOneWay({
    items: source.items,
    mapping: ctx.mapping,
    target: target.view,
    window: ctx.window,
    hrefFor: (uid) => connectors.target.hrefFor(uid),
  })
  return appliedRun(ctx, connectors, plan, { ...source.syncPoint, targetToken: target.token })
}

async function runTwoWay(ctx: RunContext, connectors: PairConnectors): Promise<SideRun> {
  const source = connectors.source!
  const sourceView = await readCalendarView(
    source,
    ctx.fresh ? ctx.previous.sourceToken : null,
    knownObjects(ctx.mapping, 'source'),
    ctx.signal,
  )
  const targetView = await readCalendarView(
    connectors.target,
    ctx.fresh ? ctx.previous.targetToken : null,
    knownObjects(ctx.mapping, 'target'),
    ctx.signal,
  )
  if (sourceView.changedHrefs?.size === 0 && targetView.changedHrefs?.size === 0) {
    return unchangedRun({ sourceToken: sourceView.token, targetToken: targetView.token })
  }
  const plan = await planTwoWay({
    pair: ctx.pair,
    mapping: ctx.mapping,
    source: { calendar: source, view: sourceView.view },
    target: { calendar: connectors.target, view: targetView.view },
    window: ctx.window,
    parse: ctx.deps.parse,
    signal: ctx.signal,
  })
  for (const conflict of plan.conflicts) {
    ctx.warnings++
    ctx.deps.history.append({
      site: ctx.pair.name,
      direction: 'local',
      category: 'calendar',
      level: 'warning',
      message: `同期元と同期先の両方で変更された予定があります。方針「停止して報告」のため同期していません。どちらかを直すと同期を再開します: ${conflict.summary}`,
      messageEn: `This event changed on both sides. The policy is "stop and report", so it is not synced; edit one side to match and it syncs again: ${conflict.summary}`,
      detail: conflict,
    })
  }
  return appliedRun(ctx, connectors, plan, { sourceToken: sourceView.token, targetToken: targetView.token })
}
