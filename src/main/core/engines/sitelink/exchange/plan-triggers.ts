import type { HomeDirectoryRepository } from '../../../directory/home-directory-repository'
import { calendarJobId } from '../../calendar/calendar-job'
import { directoryJobId } from '../../directory/directory-job'
import type { SiteExchange } from './site-exchange'

/**
 * Seed 送信のタイミング: a change in scope makes a send plan. The composition root forwards what it hears
 * from the other engines here: a directory run that finished and moved the home directory's import stamp
 * plans employees, departments and positions; a calendar run that changed something plans schedules.
 * Both are checked when a run ends (scheduled or started from a screen), never on every status change.
 * Presence and site profile changes call `planSend` themselves.
 */
export function siteLinkPlanTriggers() {
  let exchange: SiteExchange | null = null
  let home: HomeDirectoryRepository | null = null
  let importedAt: number | null = null
  let calendarChanged = false
  return {
    attach(to: SiteExchange, directory: HomeDirectoryRepository): void {
      exchange = to
      home = directory
      importedAt = directory.importedAt()
    },
    calendarChanged(): void {
      calendarChanged = true
    },
    runFinished(jobId: string): void {
      if (!exchange) return
      if (jobId === directoryJobId) {
        const at = home?.importedAt() ?? null
        if (at === importedAt) return
        importedAt = at
        // 'rules': group targets travel with their members, which an import may change.
        exchange.planSend(['employee', 'department', 'position', 'rules'])
      } else if (jobId === calendarJobId && calendarChanged) {
        calendarChanged = false
        exchange.planSend(['schedule'])
      }
    },
  }
}
