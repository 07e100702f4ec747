import type { HealthEngineId, HealthSubject, PlannedHealthEngineId } from '../../../../shared/model/health'
import type { MessageKey } from '../../i18n'
import { useNavigationStore, type Screen } from '../../stores/navigation-store'

export const engineLabel: Readonly<Record<HealthEngineId | PlannedHealthEngineId, MessageKey>> = {
  directory: 'health.engine.directory',
  calendar: 'health.engine.calendar',
  'site-link': 'health.engine.site-link',
  'notice-relay': 'health.engine.notice-relay',
  rooms: 'health.engine.rooms',
}

const engineScreen: Readonly<Record<HealthEngineId, Screen>> = {
  directory: 'directory',
  calendar: 'calendar',
}

/**
 * Opens the screen where the subject is fixed. The Calendar screen opens on its user list, where a failing
 * user stands out in amber or red (a per-user address comes with the screens' own URLs).
 */
export function openSubject(subject: HealthSubject): void {
  useNavigationStore.getState().go(engineScreen[subject.engine])
}
