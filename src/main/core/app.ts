import type { JobStatus } from '../../shared/model/jobs'
import type { Core, CoreOptions } from './core-types'
import { AlertDispatcher } from './alerts/alert-dispatcher'
import { createAlertHandlers } from './alerts/alert-handlers'
import { AlertSettingsRepository } from './alerts/alert-settings'
import { createApiHandlers } from './api-handlers'
import { recordModeRepairs } from './audit'
import { systemClock } from './clock'
import { IncrementalCalendarParser } from './connectors/ics/ics-incremental'
import { CalendarParseMemoryRepository } from './engines/calendar/calendar-parse-memory'
import { repairStoredUrlCredentials } from './engines/calendar/calendar-url-credentials'
import { parseCalendar } from './connectors/ics/ics-parser'
import { prepareDataDir, repairPrivateModes } from './data-dir'
import { createCalendarConnectorFactory } from './engines/calendar/calendar-connector-factory'
import { CalendarEngine } from './engines/calendar/calendar-engine'
import { createCalendarHandlers } from './engines/calendar/calendar-handlers'
import { calendarJobId, createCalendarJob } from './engines/calendar/calendar-job'
import { CalendarPairRepository } from './engines/calendar/calendar-pair-repository'
import { CalendarStateRepository } from './engines/calendar/calendar-state'
import { HomeDirectoryRepository } from './directory/home-directory-repository'
import { createConnectorFactory } from './engines/directory/connector-factory'
import { DirectoryConfigRepository } from './engines/directory/directory-config-repository'
import { DirectoryEngine } from './engines/directory/directory-engine'
import { createDirectoryHandlers } from './engines/directory/directory-handlers'
import { createDirectoryJob, directoryJobId } from './engines/directory/directory-job'
import { DirectoryStateRepository } from './engines/directory/directory-state'
import { EventBus } from './event-bus'
import { HealthService } from './health/health-service'
import { calendarHealthReporter } from './engines/calendar/calendar-health'
import { directoryHealthReporter } from './engines/directory/directory-health'
import { HistoryNotifier } from './history/history-notifier'
import { HistoryRepository } from './history/history-repository'
import { createLocalHistoryFiles } from './history/local-history-files'
import { createPruneJob } from './history/prune-job'
import { invokeHandler, validatedClient } from './invoke'
import { recordRun } from './job-run-recorder'
import { Scheduler } from './scheduler/scheduler'
import { KeychainSecretStore } from './secrets/keychain-secret-store'
import { withRedirectPolicy } from './connectors/redirect-policy'
import { createNetworkHandlers } from './network/network-handlers'
import { createNetworkLayer } from './network/network-layer'
import { NetworkStore } from './network/network-store'
import { systemCaPems } from './network/certificates'
import { proxyEnvironment } from './network/proxy-route'
import { networkProxyPasswordSecret } from '../../shared/model/network'
import { SettingsRepository } from './settings/settings-repository'
import { createEndpointHandlers } from './connectors/peer/endpoint-handlers'
import { createPeerConnectors } from './connectors/peer/peer-connectors'
import { openDatabase } from './store/database'
import { siteLinkHealthReporter } from './engines/sitelink/sitelink-health'
import { createSiteLink } from './engines/sitelink/sitelink-wiring'
import { recordPartnerRefusal } from './engines/sitelink/refusal-record'
import { linkCategory } from './engines/sitelink/link-context'
import { siteLinkPlanTriggers } from './engines/sitelink/exchange/plan-triggers'
import { systemMachineIdentity } from './connectors/system/machine-id'
import { createNotices } from './engines/notices/notice-wiring'
import { createRooms } from './engines/rooms/rooms-wiring'
import type { EngineContext } from './engines/engine-context'
import { roomNoticesJobId } from './engines/rooms/notices-job'
import { adminSummaryChannel } from './alerts/admin-summary'

const databaseFile = 'renkei.sqlite'

/**
 * The composition root: builds the store, secrets, scheduler and history, registers the platform's
 * jobs and implements the API. Every entry point (Electron, daemon, CLI, tests) starts here.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock
  const now = (): number => clock.now()
  prepareDataDir(options.dataDir, databaseFile)
  const db = openDatabase(options.dataDir, databaseFile)
  const events = new EventBus()
  const notifier = new HistoryNotifier(events, clock)
  const history = new HistoryRepository(db, now, (entry, count) => notifier.appended(entry, count))
  recordModeRepairs(history, repairPrivateModes(options.dataDir, databaseFile))
  const settings = new SettingsRepository(db)
  const secrets = options.secrets ?? new KeychainSecretStore()
  const environment = options.environment ?? process.env
  const networkStore = new NetworkStore(db)
  // Every outbound HTTP(S) request of the engines and alerts goes through this one layer.
  const network = createNetworkLayer({
    settings: () => networkStore.settings(),
    trustedCaPems: () => networkStore.pems(),
    proxyPassword: () => secrets.get(networkProxyPasswordSecret),
    env: proxyEnvironment(environment),
    systemCas: systemCaPems(environment),
    resolveProxy: options.resolveProxy ?? null,
  })
  // Runs and state changes ping it from the start; the engines' reporters register once they exist.
  const health = new HealthService({
    history,
    now,
    onChange: (overview) => events.emit('health.changed', overview),
  })
  // Changes in the site link's scope (directory imports, calendar runs) plan a send once the exchange exists.
  const planTriggers = siteLinkPlanTriggers()
  const scheduler = new Scheduler({
    db,
    clock,
    onChange: (jobs) => {
      events.emit('jobs.changed', jobs)
      health.changed()
    },
    onRunFinished: (job, result) => {
      recordRun(history, events, job, result)
      planTriggers.runFinished(job.id)
    },
  })
  scheduler.register(createPruneJob(history, settings, now))
  const alertSettings = new AlertSettingsRepository(db)
  // Subscribed before any engine exists, so no failure raised while starting up is missed.
  const alertFetch = withRedirectPolicy(network.fetch)
  const alerts = new AlertDispatcher({
    events,
    clock,
    history,
    secrets,
    fetch: alertFetch,
    settings: () => alertSettings.get(),
  })
  const shutdown = new AbortController()
  const directoryConfig = new DirectoryConfigRepository(db)
  const home = new HomeDirectoryRepository(db)
  const directoryState = new DirectoryStateRepository(db)
  const directory = new DirectoryEngine({
    config: directoryConfig,
    db,
    home,
    state: directoryState,
    history,
    connectors: createConnectorFactory(secrets, network),
    now,
    onStatus: (status) => {
      events.emit('directory.changed', status)
      health.changed()
    },
    onProgress: (progress) => events.emit('directory.progress', progress),
  })
  scheduler.register(createDirectoryJob(directory, directoryConfig.get()))

  const calendarPairs = new CalendarPairRepository(db, now)
  const calendarState = new CalendarStateRepository(db)
  const calendarConnectors = createCalendarConnectorFactory(secrets, now, network)
  const transaction = (work: () => void): void => db.transaction(work)()
  const feedParsers = new Map<string, IncrementalCalendarParser>()
  const parseMemory = new CalendarParseMemoryRepository(db)
  const calendar = new CalendarEngine({
    feedParser: (pairId) =>
      feedParsers.get(pairId) ??
      feedParsers.set(pairId, new IncrementalCalendarParser(parseMemory.forPair(pairId))).get(pairId)!,
    pairs: calendarPairs,
    state: calendarState,
    history,
    transaction,
    connectors: calendarConnectors,
    parse: parseCalendar,
    now,
    nextRunAt: () => scheduler.list().find((job) => job.id === calendarJobId)?.nextRunAt ?? null,
    secretNames: () => secrets.names(),
    onStatus: (status) => {
      events.emit('calendar.changed', status)
      health.changed()
    },
    onChange: (change) => {
      events.emit('calendar.change', change)
      planTriggers.calendarChanged()
    },
    onStopped: (stopped) => events.emit('calendar.stopped', stopped),
  })
  scheduler.register(createCalendarJob(calendar, calendarPairs.settings()))
  await repairStoredUrlCredentials(calendarPairs, secrets, history)
  // Site link: the transport (connectors/peer) and the engine; the endpoint listens once enabled.
  const listen = options.listenForPartners ?? options.startScheduler ?? true
  const peer = createPeerConnectors({ db, secrets, network, clock, listen })
  const siteLink = createSiteLink({
    db,
    secrets,
    home,
    history,
    scheduler,
    now,
    client: peer.client,
    siteKey: peer.siteKey,
    machineIdentity: systemMachineIdentity(options.dataDir),
    calendar: { pairs: calendarPairs, connectors: calendarConnectors, parse: parseCalendar },
    importInProgress: () => directory.importInProgress(),
    language: () => settings.get().language,
    signal: shutdown.signal,
    onLinksChanged: (list) => {
      events.emit('link.changed', list)
      health.changed()
    },
    ...(options.siteLink ? { overrides: options.siteLink } : {}),
  })
  // Test copies: a data directory on another machine pauses its links before anything can be sent
  // (the scheduler and the endpoint start below); the pause calls are the only partner calls made.
  await siteLink.machine.checkAtStart()
  planTriggers.attach(siteLink.exchange, home)
  const engineContext: EngineContext = {
    db,
    secrets,
    home,
    history,
    events,
    health,
    now,
    fetch: alertFetch,
    language: () => settings.get().language,
    signal: shutdown.signal,
  }
  const notices = createNotices(
    {
      ...engineContext,
      trustedCaPems: () => networkStore.pems(),
      publicBaseUrl: () => siteLink.linkUrl(),
      ...(options.localBaseUrl ? { localBaseUrl: options.localBaseUrl } : {}),
      siteName: () => siteLink.siteName(),
    },
    adminSummaryChannel({ history, secrets, fetch: alertFetch }, () => alertSettings.get(), now),
  )
  const rooms = createRooms(
    {
      ...engineContext,
      timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
      dataDir: options.dataDir,
    },
    {
      outletFor: (targetId) => notices.senderFor(targetId, 'smtp'),
      siteName: () => siteLink.siteName(),
      reschedule: (schedule) => scheduler.reschedule(roomNoticesJobId, schedule),
    },
  )
  scheduler.register(rooms.noticesJob())
  peer.endpoint.setRoutes(siteLink.routes())
  peer.endpoint.setMounts([...siteLink.mounts(), ...notices.mounts, ...rooms.mounts])
  peer.endpoint.setPartnerKeys(siteLink.keys)
  peer.endpoint.setBasePath(() => siteLink.basePath())
  peer.endpoint.onRefused((refusal) => recordPartnerRefusal(history, refusal))
  // Listens only once every route is in place: a partner never meets a half-built endpoint.
  const endpointFailed = await peer.endpoint.apply(peer.endpointStore.settings())
  if (endpointFailed) {
    history.append({
      direction: 'local',
      category: linkCategory,
      level: 'error',
      message: endpointFailed.ja,
      messageEn: endpointFailed.en,
    })
  }
  const jobStatus = (id: string) => (): JobStatus | undefined => scheduler.list().find((job) => job.id === id)
  health.register(
    directoryHealthReporter({
      config: directoryConfig,
      state: directoryState,
      history,
      job: jobStatus(directoryJobId),
    }),
  )
  health.register(
    calendarHealthReporter({ pairs: calendarPairs, state: calendarState, job: jobStatus(calendarJobId) }),
  )

  health.register(siteLinkHealthReporter(siteLink.links, history, siteLink.machine))
  health.register(notices.health)
  health.register(rooms.health)

  const handlers = createApiHandlers({
    status: { version: options.version, runtime: options.runtime, dataDir: options.dataDir },
    history,
    settings,
    secrets,
    scheduler,
    events,
    health,
    now,
    accessToken: options.accessToken,
    directory: createDirectoryHandlers({
      engine: directory,
      config: directoryConfig,
      home,
      history,
      scheduler,
      signal: shutdown.signal,
      statusChanged: () => events.emit('directory.changed', directory.status()),
    }),
    calendar: createCalendarHandlers({
      engine: calendar,
      pairs: calendarPairs,
      state: calendarState,
      history,
      scheduler,
      secrets,
      connectors: calendarConnectors,
      check: { connectors: calendarConnectors, parse: parseCalendar, now },
      signal: shutdown.signal,
      fetch: network.fetch,
    }),
    alerts: createAlertHandlers({
      settings: alertSettings,
      history,
      secrets,
      events,
      now,
      fetch: alertFetch,
    }),
    network: createNetworkHandlers({
      store: networkStore,
      layer: network,
      secrets,
      history,
      systemAvailable: options.resolveProxy !== undefined,
      now,
    }),
    linkEndpoint: createEndpointHandlers({
      store: peer.endpointStore,
      endpoint: peer.endpoint,
      secrets,
      history,
    }),
    sitelink: siteLink.handlers,
    notices: notices.handlers,
    rooms: rooms.handlers,
  })
  if (options.startScheduler ?? true) {
    scheduler.start()
    await notices.start()
  }

  let closing: Promise<void> | null = null
  return {
    api: validatedClient(handlers),
    invoke: (method, rawInput) => invokeHandler(handlers, method, rawInput),
    subscribe: events.subscribe,
    files: createLocalHistoryFiles(history, now),
    sitelink: {
      endpoint: peer.endpoint,
      routes: () => siteLink.routes(),
      keys: siteLink.keys,
      handoff: siteLink.handoff,
      visits: siteLink.visits,
      rules: siteLink.rules,
    },
    notices: { mounts: notices.mounts, intake: notices.intake },
    wake: () => scheduler.wake(),
    close: () =>
      (closing ??= (async () => {
        shutdown.abort(new Error('Renkei is shutting down'))
        await scheduler.stop()
        await directory.settled()
        await calendar.settled()
        await notices.close()
        rooms.close()
        await alerts.close()
        await peer.endpoint.close()
        await health.close()
        await network.close()
        notifier.dispose()
        db.close()
      })()),
  }
}
