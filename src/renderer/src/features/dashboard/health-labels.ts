import type { HealthEngineId, HealthSubject, PlannedHealthEngineId } from '../../../../shared/model/health'
import type { MessageKey } from '../../i18n'
import { useCalendarStore } from '../../stores/calendar-store'
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

/** Opens where the subject is fixed: a calendar user's own settings, or the engine's screen. */
export function openSubject(subject: HealthSubject): void {
  if (subject.engine === 'calendar') {
    useCalendarStore
      .getState()
      .open(subject.kind === 'user' ? { kind: 'edit', id: subject.id } : { kind: 'list' })
  }
  useNavigationStore.getState().go(engineScreen[subject.engine])
}
