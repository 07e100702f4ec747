import type { ApiHandlers } from '../../../../shared/api'
import type { CalendarPairStatus } from '../../../../shared/model/calendar'
import {
  calendarOAuthClientSecretName,
  calendarPairConfig,
  calendarSecretName,
  type CalendarPairConfig,
} from '../../../../shared/model/calendar-config'
import type { Localized } from '../../../../shared/model/localized'
import { applyMergePatch } from '../../../../shared/model/merge-patch'
import { ApiError } from '../../../../shared/model/errors'
import { writeAudit } from '../../audit'
import { startInstalledAppFlow } from '../../connectors/oauth/oauth-flow'
import type { HistoryRepository } from '../../history/history-repository'
import type { Scheduler } from '../../scheduler/scheduler'
import type { SecretStore } from '../../secrets/secret-store'
import { invalidSettings } from '../../settings/json-setting'
import { checkPair, type CheckDeps } from './calendar-check'
import type { CalendarConnectorFactory } from './calendar-connector-factory'
import type { CalendarEngine } from './calendar-engine'
import { calendarJobId, calendarPairJobResult, calendarSchedule } from './calendar-job'
import { pairState, type CalendarPairRepository, type StoredPair } from './calendar-pair-repository'
import type { CalendarStateRepository } from './calendar-state'
import { moveUrlCredentials } from './calendar-url-credentials'
import { classify } from './run-errors'

type CalendarHandlers = Pick<ApiHandlers, Extract<keyof ApiHandlers, `calendar.${string}`>>

export interface CalendarHandlerDeps {
  readonly engine: CalendarEngine
  readonly pairs: CalendarPairRepository
  readonly state: CalendarStateRepository
  readonly history: HistoryRepository
  readonly scheduler: Scheduler
  readonly secrets: SecretStore
  readonly connectors: CalendarConnectorFactory
  readonly check: CheckDeps
  readonly signal: AbortSignal
  /** The network layer's fetch, for the OAuth code exchange. */
  readonly fetch: typeof fetch
}

function found(pairs: CalendarPairRepository, id: string): StoredPair {
  const pair = pairs.get(id)
  if (!pair) {
    throw new ApiError('not-found', {
      ja: `カレンダー同期のユーザー「${id}」はありません。一覧から選び直してください。`,
      en: `There is no calendar sync user "${id}". Pick one from the list again.`,
    })
  }
  return pair
}

function validatePair(deps: CalendarHandlerDeps, config: CalendarPairConfig): void {
  const taken = deps.pairs.numberTakenBy(config.number, config.id)
  if (taken !== null) {
    throw new ApiError('invalid-input', {
      ja: `番号 ${config.number} はすでに別のユーザー（${taken}）が使っています。別の番号にしてください。`,
      en: `Number ${config.number} is already used by another user (${taken}). Choose another number.`,
    })
  }
  const google = [config.source, config.target].some(
    (side) => side.kind === 'caldav' && side.preset === 'google' && side.auth !== 'oauth',
  )
  if (google) {
    throw new ApiError('invalid-input', {
      ja: 'Google カレンダーはパスワードでは接続できません。認証方式を OAuth にして「Google で認可」を行ってください。',
      en: 'Google Calendar does not accept passwords. Set the sign-in method to OAuth and use "Authorize with Google".',
    })
  }
}

/**
 * New URLs: read both sides in full next time. A new target (or, two-way, a new source) is another
 * calendar, so the mapping of the old one is dropped (copies already made stay there); a new feed for
 * the same target keeps it, so events the new feed lacks are still removed from the target.
 */
function forgetWhatNoLongerApplies(
  state: CalendarStateRepository,
  before: CalendarPairConfig,
  after: CalendarPairConfig,
): void {
  const sourceMoved = before.source.url !== after.source.url
  const targetMoved = before.target.url !== after.target.url
  if (!sourceMoved && !targetMoved && before.direction === after.direction) return
  state.resetSyncPoint(after.id)
  if (targetMoved || (sourceMoved && after.direction === 'two-way')) state.forgetItems(after.id)
}

const pairTitle = (config: CalendarPairConfig): Localized => ({
  ja: `カレンダー同期のユーザー「${config.name}」の設定`,
  en: `calendar sync settings of "${config.name}"`,
})

/** Adds or replaces a pair: one path for the form, `pair add` and `pair set`. */
/**
 * Saves a whole pair: credentials written into its URLs move to the keychain first (never stored), then
 * the pair, its audit line and, when credentials moved, a notice in the answer and the history.
 */
async function savePair(deps: CalendarHandlerDeps, input: CalendarPairConfig): Promise<CalendarPairStatus> {
  const { pairs, engine, history } = deps
  validatePair(deps, input)
  const { config, notice } = await moveUrlCredentials(input, deps.secrets)
  const before = pairs.get(config.id)
  pairs.save(config)
  if (before) forgetWhatNoLongerApplies(deps.state, before.config, config)
  deps.connectors.forget(config.id)
  writeAudit(
    history,
    before
      ? {
          ja: `カレンダー同期のユーザー「${config.name}」の設定を変更しました`,
          en: `Calendar sync settings of "${config.name}" changed`,
        }
      : {
          ja: `カレンダー同期にユーザー「${config.name}」を追加しました`,
          en: `Added "${config.name}" to calendar sync`,
        },
    { config },
  )
  if (notice) writeAudit(history, notice, { pair: config.id })
  engine.changed()
  const saved = engine.pairStatus(found(pairs, config.id))
  return notice ? { ...saved, notice } : saved
}

/** The calendar part of the API contract. */
export function createCalendarHandlers(deps: CalendarHandlerDeps): CalendarHandlers {
  const { engine, pairs, history } = deps
  const status = async (): ReturnType<CalendarEngine['status']> => {
    engine.changed()
    return engine.status()
  }
  return {
    'calendar.status': async () => engine.status(),
    'calendar.settings.update': async (patch) => {
      const { after, changed } = pairs.updateSettings(patch)
      if (!changed) return after
      deps.scheduler.reschedule(calendarJobId, calendarSchedule(after))
      writeAudit(
        history,
        { ja: 'カレンダー同期の共通設定を変更しました', en: 'Calendar sync settings changed' },
        { patch, settings: after },
      )
      engine.changed()
      return after
    },
    'calendar.pairs.get': async ({ id }) => found(pairs, id).config,
    'calendar.pairs.save': async (config) => savePair(deps, config),
    'calendar.pairs.add': async (config) => {
      const taken = pairs.get(config.id)
      if (taken) {
        throw new ApiError('invalid-input', {
          ja: `ID「${config.id}」はすでに「${taken.config.name}」が使っています。別の ID にするか、変更なら pair set を使ってください。`,
          en: `The id "${config.id}" is already used by "${taken.config.name}". Choose another id, or use pair set to change it.`,
        })
      }
      return savePair(deps, config)
    },
    'calendar.pairs.update': async ({ id, patch }) => {
      const before = found(pairs, id).config
      if (patch.id !== undefined && patch.id !== id) {
        throw new ApiError('invalid-input', {
          ja: `ID は変更できません（「${id}」）。別の ID にするには、追加してから古いものを削除してください。`,
          en: `The id cannot be changed ("${id}"). To use another id, add a new pair and remove the old one.`,
        })
      }
      const merged = applyMergePatch(before, patch, 'kind')
      const parsed = calendarPairConfig.safeParse(merged)
      if (!parsed.success) throw invalidSettings(pairTitle(before), parsed.error.issues, merged)
      if (JSON.stringify(parsed.data) === JSON.stringify(before)) return engine.pairStatus(found(pairs, id))
      return savePair(deps, parsed.data)
    },
    'calendar.pairs.remove': async ({ id }) => {
      const pair = found(pairs, id)
      pairs.remove(id)
      deps.connectors.forget(id)
      for (const slot of ['source', 'target', 'refresh-token'] as const)
        await deps.secrets.delete(calendarSecretName(id, slot))
      writeAudit(history, {
        ja: `カレンダー同期からユーザー「${pair.config.name}」を削除しました（コピー済みの予定はそのまま残ります）`,
        en: `Removed "${pair.config.name}" from calendar sync (events already copied stay where they are)`,
      })
      return status()
    },
    'calendar.permits.update': async ({ permits }) => {
      const changes = permits
        .map(({ id, permitted }) => ({ pair: found(pairs, id), permitted }))
        .filter(({ pair, permitted }) => pair.config.permitted !== permitted)
      for (const { pair, permitted } of changes) pairs.setPermitted(pair.config.id, permitted)
      if (changes.length) {
        const list = (lang: 'ja' | 'en'): string =>
          changes
            .map(
              ({ pair, permitted }) =>
                `${pair.config.name}: ${permitted ? (lang === 'ja' ? '有効' : 'enabled') : lang === 'ja' ? '無効' : 'disabled'}`,
            )
            .join(', ')
        writeAudit(history, {
          ja: `カレンダー同期の利用許可を更新しました（${list('ja')}）`,
          en: `Calendar sync permits updated (${list('en')})`,
        })
      }
      return status()
    },
    'calendar.resume': async ({ id }) => {
      const pair = found(pairs, id)
      pairs.resume(id)
      deps.state.clearErrors(id)
      // The error streak starts afresh too: the user waits for its next run, neither green nor amber.
      deps.state.updateState(id, { authFailingSince: null, errorStreak: 0 })
      writeAudit(history, {
        ja: `「${pair.config.name}」のカレンダー同期を再開しました`,
        en: `Resumed calendar sync for "${pair.config.name}"`,
      })
      return status()
    },
    'calendar.stop': async ({ id }) => {
      const pair = found(pairs, id)
      pairs.stop(id, 'admin')
      writeAudit(history, {
        ja: `「${pair.config.name}」のカレンダー同期を停止しました`,
        en: `Stopped calendar sync for "${pair.config.name}"`,
      })
      return status()
    },
    'calendar.check': async ({ id }) =>
      checkPair(found(pairs, id).config, pairs.settings(), deps.check, deps.signal),
    'calendar.run': async ({ id }) => {
      const pair = found(pairs, id)
      if (pairState(pair) === 'disabled') {
        throw new ApiError('invalid-input', {
          ja: `「${pair.config.name}」は利用が許可されていません（無効）。一覧で「有効」にして「更新」してから実行してください。`,
          en: `"${pair.config.name}" is not permitted (disabled). Set it to enabled in the list and press "Update" first.`,
        })
      }
      // Through the scheduler, so the jobs table shows this run like a scheduled one.
      const summary = await deps.scheduler.track(
        calendarJobId,
        () => engine.runPair(pair.config, deps.signal),
        (run) => calendarPairJobResult(pair.config.name, run),
      )
      // A failed run already wrote its error line; a summary would say the same twice.
      if (summary.outcome === 'error') return summary
      history.append({
        site: pair.config.name,
        direction: 'send',
        category: 'calendar',
        level: summary.outcome === 'warning' ? 'warning' : 'info',
        message: `今すぐ同期: ${summary.message.ja}`,
        messageEn: `Sync now: ${summary.message.en}`,
        detail: summary,
      })
      return summary
    },
    'calendar.oauth.start': async ({ id }) => {
      const pair = found(pairs, id)
      const { oauth } = pairs.settings()
      if (!oauth.clientId) {
        throw new ApiError('invalid-input', {
          ja: 'OAuth クライアント ID が設定されていません。カレンダー画面の共通設定で Google Cloud のクライアント ID（デスクトップアプリ）を入力してください。',
          en: "No OAuth client ID is set. Enter the Google Cloud client ID (desktop app) in the Calendar screen's shared settings.",
        })
      }
      const flow = await startInstalledAppFlow({
        client: oauth,
        clientSecret: await deps.secrets.get(calendarOAuthClientSecretName),
        fetch: deps.fetch,
        onRefreshToken: async (token) => {
          await deps.secrets.set(calendarSecretName(id, 'refresh-token'), token)
          deps.connectors.forget(id)
          writeAudit(history, {
            ja: `「${pair.config.name}」の Google 認可を保存しました`,
            en: `Saved the Google authorization of "${pair.config.name}"`,
          })
          engine.changed()
        },
      })
      flow.done.catch((error: unknown) => {
        const { message } = classify(error)
        history.append({
          site: pair.config.name,
          direction: 'local',
          category: 'calendar',
          level: 'warning',
          message: `Google 認可が完了しませんでした: ${message.ja}`,
          messageEn: `Google authorization did not complete: ${message.en}`,
          detail: null,
        })
      })
      return { authorizeUrl: flow.authorizeUrl, redirectUri: flow.redirectUri }
    },
  }
}
