import type { Transport } from '../lib/transport'
import { useAppStatusStore } from './app-status-store'
import { useCalendarStore } from './calendar-store'
import { useDirectoryStore } from './directory-store'
import { useHealthStore } from './health-store'
import { useHistoryStore } from './history-store'
import { useJobsStore } from './jobs-store'
import { useLinksStore } from './links-store'
import { useMachineStore } from './machine-store'
import { receiveConfirmationRequest } from './run-confirm-store'
import { useSecretsStore } from './secrets-store'
import { useSettingsStore } from './settings-store'

/** Loads every store's copy of core state (at start and after the event stream was down). */
export async function reloadAll(): Promise<void> {
  await Promise.all([
    useAppStatusStore.getState().load(),
    useSettingsStore.getState().load(),
    useJobsStore.getState().load(),
    useSecretsStore.getState().load(),
    useDirectoryStore.getState().loadStatus(),
    useCalendarStore.getState().loadStatus(),
    useHealthStore.getState().load(),
    useMachineStore.getState().load(),
  ])
}

/**
 * Keeps the stores fresh: core events update them in place, a reconnect reloads everything.
 * Returns the function that undoes every subscription.
 */
export function connectStores(transport: Transport): () => void {
  const app = useAppStatusStore.getState()
  const offs = [
    transport.onAccessDenied(() => app.denyAccess()),
    transport.onConnectionChange((state) => app.setConnection(state)),
    transport.subscribe('jobs.changed', (jobs) => useJobsStore.getState().receive(jobs)),
    transport.subscribe('jobs.confirmationRequested', ({ jobs }) => receiveConfirmationRequest(jobs)),
    transport.subscribe('jobs.failed', (failure) => useJobsStore.getState().receiveFailure(failure)),
    transport.subscribe('settings.changed', (settings) => useSettingsStore.getState().receive(settings)),
    transport.subscribe('secrets.changed', (secrets) => useSecretsStore.getState().receive(secrets)),
    transport.subscribe('directory.changed', (status) => useDirectoryStore.getState().receiveStatus(status)),
    transport.subscribe('directory.progress', (progress) =>
      useDirectoryStore.getState().receiveProgress(progress),
    ),
    transport.subscribe('calendar.changed', (status) => useCalendarStore.getState().receiveStatus(status)),
    transport.subscribe('calendar.stopped', (stopped) => useCalendarStore.getState().receiveStopped(stopped)),
    transport.subscribe('link.changed', (list) => useLinksStore.getState().receiveList(list)),
    transport.subscribe('link.changed', () => void useMachineStore.getState().load()),
    transport.subscribe('health.changed', (overview) => useHealthStore.getState().receive(overview)),
    transport.subscribe('history.appended', ({ count }) => useHistoryStore.getState().receiveAppended(count)),
    // History is not reloaded: that would throw the admin back to page 1; "検索" refreshes it.
    transport.onReconnect(() => void reloadAll()),
  ]
  if (transport.hasToken) void reloadAll()
  else app.denyAccess()
  return () => offs.forEach((off) => off())
}
