import {
  calendarCheckSteps,
  type CalendarCheckResult,
  type CalendarCheckStep,
  type CalendarCheckStepId,
} from '../../../../shared/model/calendar'
import type { CalendarPairConfig, CalendarSettings } from '../../../../shared/model/calendar-config'
import type { Localized } from '../../../../shared/model/localized'
import { ConnectorError } from '../../connectors/connector-error'
import { toIanaZone } from '../../connectors/ics/ics-parser'
import {
  MissingCredentialError,
  type CalendarConnectorFactory,
  type PairConnectors,
} from './calendar-connector-factory'
import { fixes, rejectedFix } from './calendar-check-fixes'
import type { CalDavConnector, ParsedCalendar } from './calendar-connectors'

export interface CheckDeps {
  readonly connectors: CalendarConnectorFactory
  readonly parse: (text: string) => ParsedCalendar
  readonly now: () => number
}

/** More than this between our clock and the server's makes times and tokens unreliable. */
const maxSkewMs = 5 * 60 * 1000

const ok = (id: CalendarCheckStepId, message: Localized): CalendarCheckStep => ({
  id,
  ok: true,
  message,
  fix: null,
  serverAnswer: null,
})
/** Neither passed nor failed: an earlier step failed, or there is nothing to compare (says why). */
const notChecked = (
  id: CalendarCheckStepId,
  message: Localized = {
    ja: '前の確認が失敗したため確認していません',
    en: 'Not checked because an earlier check failed',
  },
): CalendarCheckStep => ({ id, ok: null, message, fix: null, serverAnswer: null })
const failed = (
  id: CalendarCheckStepId,
  message: Localized,
  fix: Localized,
  serverAnswer: string | null = null,
): CalendarCheckStep => ({
  id,
  ok: false,
  message,
  fix,
  serverAnswer,
})

type Side = 'source' | 'target'
const sideName: Record<Side, Localized> = {
  source: { ja: '同期元', en: 'source' },
  target: { ja: '同期先', en: 'target' },
}

/** Turns a connection failure into the reachable / credentials / calendar steps it answers. */
function connectionSteps(pair: CalendarPairConfig, side: Side, error: ConnectorError): CalendarCheckStep[] {
  const [reach, creds] =
    side === 'source'
      ? (['source-reachable', 'source-credentials'] as const)
      : (['target-reachable', 'target-credentials'] as const)
  const reachedOk = ok(reach, {
    ja: `${sideName[side].ja}に接続できました`,
    en: `Reached the ${sideName[side].en}`,
  })
  if (error.kind === 'auth')
    return [reachedOk, failed(creds, error.localized, fixes.credentials, error.serverAnswer)]
  if (error.kind === 'permanent' && side === 'target') {
    return [
      reachedOk,
      ok(creds, { ja: '認証されました', en: 'Credentials accepted' }),
      failed('calendar-exists', error.localized, rejectedFix(pair, 'target', error), error.serverAnswer),
    ]
  }
  return [
    failed(
      reach,
      error.localized,
      error.kind === 'permanent' ? rejectedFix(pair, side, error) : fixes.reachable,
      error.serverAnswer,
    ),
    notChecked(creds),
  ]
}

function sameZone(a: string, b: string): boolean {
  const ia = toIanaZone(a) ?? a
  const ib = toIanaZone(b) ?? b
  if (ia === ib) return true
  // Aliases (Japan vs Asia/Tokyo) mean the same when their offsets agree across the year.
  const offsets = (zone: string): string =>
    [0, 6]
      .map((month) =>
        new Date(Date.UTC(2026, month, 1)).toLocaleString('en-US', {
          timeZone: zone,
          timeZoneName: 'longOffset',
        }),
      )
      .join()
  try {
    return offsets(ia) === offsets(ib)
  } catch {
    return false
  }
}

interface SideFacts {
  readonly zone: string | null
  readonly serverDate: number | null
}

async function checkSource(
  pair: CalendarPairConfig,
  deps: CheckDeps,
  connectors: PairConnectors,
  signal: AbortSignal,
  steps: CalendarCheckStep[],
): Promise<SideFacts | null> {
  try {
    if (connectors.feed) {
      const fetched = await connectors.feed.fetch(null, signal)
      if (fetched.status !== 'fetched') throw new Error('unconditional GET answered 304')
      const parsed = deps.parse(fetched.text)
      steps.push(
        ok('source-reachable', {
          ja: `フィードを読み込みました（予定 ${parsed.items.length} 件）`,
          en: `Read the feed (${parsed.items.length} events)`,
        }),
      )
      steps.push(
        ok(
          'source-credentials',
          pair.source.kind === 'ics' && pair.source.auth === 'none'
            ? { ja: '認証は不要です', en: 'No sign-in needed' }
            : { ja: '認証されました', en: 'Credentials accepted' },
        ),
      )
      return { zone: parsed.timeZone, serverDate: fetched.serverDate }
    }
    const info = await connectors.source!.info(signal)
    steps.push(
      ok('source-reachable', {
        ja: `同期元カレンダー「${info.displayName ?? info.url}」に接続できました`,
        en: `Reached source calendar "${info.displayName ?? info.url}"`,
      }),
    )
    steps.push(ok('source-credentials', { ja: '認証されました', en: 'Credentials accepted' }))
    return { zone: info.timeZone, serverDate: info.serverDate }
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error
    steps.push(...connectionSteps(pair, 'source', error))
    return null
  }
}

/** Writes and removes a probe event: the only sure answer to "may this account write here?". */
async function probeWrite(target: CalDavConnector, now: number, signal: AbortSignal): Promise<void> {
  const uid = `renkei-write-check-${now}`
  const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '')
  const ics = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Renkei//Calendar Sync//JA',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTAMP:${stamp}`,
    `DTSTART:${stamp}`,
    'SUMMARY:Renkei write check',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n')
  const href = target.hrefFor(uid)
  const etag = await target.create(href, ics, signal)
  await target.remove(href, etag, signal)
}

async function checkTarget(
  pair: CalendarPairConfig,
  target: CalDavConnector,
  deps: CheckDeps,
  signal: AbortSignal,
  steps: CalendarCheckStep[],
): Promise<SideFacts | null> {
  let info
  try {
    info = await target.info(signal)
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error
    steps.push(...connectionSteps(pair, 'target', error))
    return null
  }
  steps.push(ok('target-reachable', { ja: '同期先に接続できました', en: 'Reached the target' }))
  steps.push(ok('target-credentials', { ja: '認証されました', en: 'Credentials accepted' }))
  steps.push(
    ok('calendar-exists', {
      ja: `カレンダー「${info.displayName ?? info.url}」があります`,
      en: `Calendar "${info.displayName ?? info.url}" exists`,
    }),
  )
  try {
    if (info.writable === false)
      throw new ConnectorError('permanent', {
        ja: 'このアカウントはこのカレンダーに書き込めません',
        en: 'This account cannot write to this calendar',
      })
    await probeWrite(target, deps.now(), signal)
    steps.push(
      ok('calendar-writable', {
        ja: '書き込めます（確認用の予定を作成して削除しました）',
        en: 'Writable (a probe event was created and removed)',
      }),
    )
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error
    steps.push(failed('calendar-writable', error.localized, fixes.writable, error.serverAnswer))
  }
  return { zone: info.timeZone, serverDate: info.serverDate }
}

function zoneStep(source: SideFacts | null, target: SideFacts | null): CalendarCheckStep {
  if (!source || !target) return notChecked('time-zone')
  if (!target.zone || !source.zone) {
    // Not a pass: nothing was compared. Shown as "not checked" with the reason.
    return notChecked('time-zone', {
      ja: `タイムゾーンを比較できません（同期元: ${source.zone ?? '指定なし'}、同期先: ${target.zone ?? '指定なし'}）。時刻付きの予定はタイムゾーン付きで送るため、ずれません`,
      en: `Time zones cannot be compared (source: ${source.zone ?? 'none'}, target: ${target.zone ?? 'none'}). Timed events travel with their zone, so they do not shift`,
    })
  }
  if (sameZone(source.zone, target.zone))
    return ok('time-zone', {
      ja: `タイムゾーンが一致しています（${target.zone}）`,
      en: `Time zones match (${target.zone})`,
    })
  const zone = toIanaZone(source.zone) ?? source.zone
  return failed(
    'time-zone',
    {
      ja: `同期先カレンダーのタイムゾーン（${target.zone}）が同期元（${source.zone}）と違います。終日の予定や時刻の表示がずれます`,
      en: `The target calendar's time zone (${target.zone}) differs from the source's (${source.zone}); all-day events and displayed times shift`,
    },
    {
      ja: `同期先カレンダーのタイムゾーンを「${zone}」に変更してください（Google カレンダー: カレンダーの設定 → タイムゾーン →「(GMT+09:00) 東京」）。`,
      en: `Set the target calendar's time zone to "${zone}" (Google Calendar: calendar settings → Time zone → "(GMT+09:00) Tokyo").`,
    },
  )
}

function skewStep(facts: readonly (SideFacts | null)[], now: number): CalendarCheckStep {
  const dates = facts.map((f) => f?.serverDate ?? null).filter((d): d is number => d !== null)
  if (!dates.length) return notChecked('clock-skew')
  const skew = Math.max(...dates.map((d) => Math.abs(d - now)))
  const minutes = Math.round(skew / 60000)
  return skew > maxSkewMs
    ? failed(
        'clock-skew',
        {
          ja: `このコンピューターの時計がサーバーと約 ${minutes} 分ずれています`,
          en: `This computer's clock is about ${minutes} minutes off the server's`,
        },
        fixes.clock,
      )
    : ok('clock-skew', { ja: '時計のずれはありません（5 分以内）', en: 'Clocks agree (within 5 minutes)' })
}

/** Seed 001's troubleshooting as a button: each failed step says what to change. */
export async function checkPair(
  pair: CalendarPairConfig,
  settings: CalendarSettings,
  deps: CheckDeps,
  signal: AbortSignal,
): Promise<CalendarCheckResult> {
  const steps: CalendarCheckStep[] = []
  let connectors
  try {
    connectors = await deps.connectors.build(pair, settings)
  } catch (error) {
    if (!(error instanceof MissingCredentialError)) throw error
    steps.push(
      failed(
        error.side === 'source' ? 'source-credentials' : 'target-credentials',
        error.localized,
        fixes.credentials,
      ),
    )
    return result(pair.id, steps)
  }
  const source = await checkSource(pair, deps, connectors, signal, steps)
  const target = await checkTarget(pair, connectors.target, deps, signal, steps)
  steps.push(zoneStep(source, target), skewStep([source, target], deps.now()))
  return result(pair.id, steps)
}

/** Every step in its fixed order; one an earlier failure kept from running says "not checked". */
function result(pairId: string, steps: readonly CalendarCheckStep[]): CalendarCheckResult {
  const byId = new Map(steps.map((step) => [step.id, step]))
  const all = calendarCheckSteps.map((id) => byId.get(id) ?? notChecked(id))
  return { pairId, ok: all.every((step) => step.ok !== false), steps: all }
}
