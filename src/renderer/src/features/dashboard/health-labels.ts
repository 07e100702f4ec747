import type { HealthEngineId, HealthSubject, PlannedHealthEngineId } from '../../../../shared/model/health'
import type { MessageKey } from '../../i18n'
import { screenRoute, type Route } from '../../lib/routes'
import { useNavigationStore } from '../../stores/navigation-store'

export const engineLabel: Readonly<Record<HealthEngineId | PlannedHealthEngineId, MessageKey>> = {
  directory: 'health.engine.directory',
  calendar: 'health.engine.calendar',
  'site-link': 'health.engine.site-link',
  'notice-relay': 'health.engine.notice-relay',
  rooms: 'health.engine.rooms',
}

/** Where the subject is fixed: a calendar user's or partner site's own page, a directory run's step, else the engine's screen. */
function subjectRoute(subject: HealthSubject): Route {
  if (subject.engine === 'calendar' && subject.kind === 'user')
    return { screen: 'calendar', view: { kind: 'edit', id: subject.id } }
  if (subject.engine === 'directory') return { screen: 'directory', step: 'run' }
  if (subject.engine === 'site-link' && subject.kind === 'link')
    return { screen: 'links', view: { kind: 'detail', id: subject.id } }
  if (subject.engine === 'site-link') return screenRoute('links')
  if (subject.engine === 'notice-relay') return screenRoute('notices')
  return screenRoute(subject.engine)
}

export function openSubject(subject: HealthSubject): void {
  useNavigationStore.getState().navigate(subjectRoute(subject))
}
