import type { HomeDirectoryRepository } from '../../../directory/home-directory-repository'
import { calendarJobId } from '../../calendar/calendar-job'
import type { SiteExchange } from './site-exchange'

/**
 * Seed 送信のタイミング: a change in scope makes a send plan. The composition root forwards what it hears
 * from the other engines here: a directory import that finished (the home directory's import stamp moved)
 * plans employees, departments and positions; a calendar run that changed something plans schedules.
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
    directoryStatus(): void {
      const at = home?.importedAt() ?? null
      if (!exchange || at === importedAt) return
      importedAt = at
      exchange.planSend(['employee', 'department', 'position'])
    },
    calendarChanged(): void {
      calendarChanged = true
    },
    runFinished(jobId: string): void {
      if (jobId !== calendarJobId || !calendarChanged || !exchange) return
      calendarChanged = false
      exchange.planSend(['schedule'])
    },
  }
}
