import type { ApiHandlers } from '../../shared/api'
import type { createAlertHandlers } from './alerts/alert-handlers'
import { ApiError } from '../../shared/model/errors'
import { maxCsvExportRows } from '../../shared/model/history'
import type { Localized } from '../../shared/model/localized'
import type { Settings } from '../../shared/model/settings'
import type { AppStatus } from '../../shared/model/status'
import { writeAudit } from './audit'
import type { createCalendarHandlers } from './engines/calendar/calendar-handlers'
import type { createDirectoryHandlers } from './engines/directory/directory-handlers'
import type { EventBus } from './event-bus'
import type { createNetworkHandlers } from './network/network-handlers'
import type { createEndpointHandlers } from './connectors/peer/endpoint-handlers'
import type { SiteLink } from './engines/sitelink/sitelink-wiring'
import type { Notices } from './engines/notices/notice-wiring'
import type { Rooms } from './engines/rooms/rooms-wiring'
import type { HealthService } from './health/health-service'
import { exportHistory } from './history/history-export'
import type { HistoryRepository } from './history/history-repository'
import type { Scheduler } from './scheduler/scheduler'
import { accessTokenSecret, newAccessToken, type AccessTokenHolder } from './secrets/access-token'
import { checkKeychain } from './secrets/keychain-status'
import { RecordedSecretChanges } from './secrets/recorded-secret-change'
import { listSecrets } from './secrets/secret-catalog'
import type { SecretStore } from './secrets/secret-store'
import type { SettingsRepository } from './settings/settings-repository'

export interface HandlerDeps {
  readonly status: Pick<AppStatus, 'version' | 'runtime' | 'dataDir'>
  readonly history: HistoryRepository
  readonly settings: SettingsRepository
  readonly secrets: SecretStore
  readonly scheduler: Scheduler
  readonly events: EventBus
  readonly health: HealthService
  readonly now: () => number
  /** The daemon, which checks the access token; absent in the desktop app and the CLI. */
  readonly accessToken?: AccessTokenHolder
  /** Each engine implements its own part of the contract. */
  readonly directory: ReturnType<typeof createDirectoryHandlers>
  readonly calendar: ReturnType<typeof createCalendarHandlers>
  readonly alerts: ReturnType<typeof createAlertHandlers>
  readonly network: ReturnType<typeof createNetworkHandlers>
  readonly linkEndpoint: ReturnType<typeof createEndpointHandlers>
  /** Site link: links, sending and receiving, presence, partner feed URLs. */
  readonly sitelink: SiteLink['handlers']
  /** Notice relay: settings, targets, templates, opt-in, sources, queue, history, gadget URLs. */
  readonly notices: Notices['handlers']
  /** Room provisioning: settings, target test, communities, preview, run, inbound events, member notices. */
  readonly rooms: Rooms['handlers']
}

function jobTitle(deps: HandlerDeps, id: string | undefined): Localized {
  if (id === undefined) return { ja: 'すべてのジョブ', en: 'all jobs' }
  const job = deps.scheduler.list().find((j) => j.id === id)
  if (!job) {
    throw new ApiError('not-found', {
      ja: `ジョブ「${id}」はありません。ダッシュボードの一覧から選んでください。`,
      en: `There is no job "${id}". Pick one from the Dashboard list.`,
    })
  }
  return job.title
}

/** A job that writes only after a preview: "run now" by id would skip the look the admin must take. */
function needsConfirmation(title: Localized): ApiError {
  return new ApiError('invalid-input', {
    ja: `${title.ja}は、プレビューで変更内容を確認してから実行します。ダッシュボードの「今すぐ実行」で確認画面を開いてください。何も実行していません。`,
    en: `${title.en} runs only after you look at its preview and confirm it. Use "Run now" on the Dashboard to open the confirmation. Nothing was run.`,
  })
}

const settingLabels: Record<keyof Settings, { ja: string; en: string }> = {
  language: { ja: '言語', en: 'language' },
  historyRetentionMonths: { ja: '履歴の保存期間（月）', en: 'history retention (months)' },
  startAtLogin: { ja: 'ログイン時に起動', en: 'start at login' },
}

/** The contract, implemented once. Inputs arrive already validated by `invoke`. */
export function createApiHandlers(deps: HandlerDeps): ApiHandlers {
  const { history, scheduler, events } = deps
  const secretChanges = new RecordedSecretChanges(deps.secrets)
  const jobsChanged = (): ReturnType<Scheduler['list']> => {
    const jobs = scheduler.list()
    events.emit('jobs.changed', jobs)
    return jobs
  }
  return {
    'app.status': async () => ({
      ...deps.status,
      keychain: await checkKeychain(deps.secrets),
      allPaused: scheduler.allPaused,
      historyCount: history.countAll(),
    }),
    'jobs.list': async () => scheduler.list(),
    'health.get': async () => deps.health.overview(),
    'jobs.runNow': async ({ id }) => {
      const title = jobTitle(deps, id)
      const confirm = scheduler.list().filter((job) => job.needsConfirmation)
      if (id !== undefined && confirm.some((job) => job.id === id)) throw needsConfirmation(title)
      const started = scheduler.runNow(id)
      const needs = id === undefined ? confirm.map((job) => job.id) : []
      writeAudit(
        history,
        { ja: `${title.ja}を今すぐ実行しました`, en: `Ran ${title.en} now` },
        { id, started, needsConfirmation: needs },
      )
      if (needs.length > 0) events.emit('jobs.confirmationRequested', { jobs: needs })
      return { started, needsConfirmation: needs }
    },
    'jobs.pause': async ({ id }) => {
      const title = jobTitle(deps, id)
      scheduler.pause(id)
      writeAudit(history, { ja: `${title.ja}を一時停止しました`, en: `Paused ${title.en}` }, { id })
      return jobsChanged()
    },
    'jobs.resume': async ({ id }) => {
      const title = jobTitle(deps, id)
      scheduler.resume(id)
      writeAudit(history, { ja: `${title.ja}を再開しました`, en: `Resumed ${title.en}` }, { id })
      return jobsChanged()
    },
    'history.search': async ({ filter, cursor, limit }) => history.search(filter, limit, cursor),
    'history.count': async ({ filter }) => history.countCapped(filter, maxCsvExportRows),
    'history.facets': async () => history.facets(),
    'history.export': async ({ filter, format, language, throughId }) => {
      const file = exportHistory(history, filter, format, language, deps.now(), throughId)
      writeAudit(
        history,
        {
          ja: `履歴を ${file.rows} 件出力しました（${format}）`,
          en: `Exported ${file.rows} history entries (${format})`,
        },
        { filter, format },
      )
      return file
    },
    'settings.get': async () => deps.settings.get(),
    'settings.update': async (patch) => {
      const { before, after } = deps.settings.update(patch)
      const changed = (Object.keys(patch) as (keyof Settings)[]).filter((k) => before[k] !== after[k])
      if (changed.length) {
        const list = (lang: 'ja' | 'en'): string =>
          changed
            .map((k) => `${settingLabels[k][lang]}: ${String(before[k])} → ${String(after[k])}`)
            .join(', ')
        writeAudit(history, {
          ja: `設定を変更しました（${list('ja')}）`,
          en: `Settings changed (${list('en')})`,
        })
        events.emit('settings.changed', after)
      }
      return after
    },
    'secrets.list': async () => listSecrets(deps.secrets),
    'secrets.set': async ({ name, value }) => {
      await secretChanges.apply(name, value, () =>
        writeAudit(history, { ja: `シークレット「${name}」を設定しました`, en: `Secret "${name}" was set` }),
      )
      const list = await listSecrets(deps.secrets)
      events.emit('secrets.changed', list)
      return list
    },
    'secrets.clear': async ({ name }) => {
      await secretChanges.apply(name, null, () =>
        writeAudit(history, {
          ja: `シークレット「${name}」を削除しました`,
          en: `Secret "${name}" was cleared`,
        }),
      )
      const list = await listSecrets(deps.secrets)
      events.emit('secrets.changed', list)
      return list
    },
    'secrets.rotateAccessToken': async () => {
      const token = newAccessToken()
      await secretChanges.apply(accessTokenSecret, token, () =>
        writeAudit(history, {
          ja: 'デーモンのアクセストークンを再発行しました（それまでの URL とブックマークは使えなくなりました）',
          en: 'Issued a new daemon access token (earlier URLs and bookmarks no longer work)',
        }),
      )
      const url = deps.accessToken?.rotated(token) ?? null
      const list = await listSecrets(deps.secrets)
      events.emit('secrets.changed', list)
      return { url, secrets: list }
    },
    ...deps.directory,
    ...deps.calendar,
    ...deps.alerts,
    ...deps.network,
    ...deps.linkEndpoint,
    ...deps.sitelink,
    ...deps.notices,
    ...deps.rooms,
  }
}
