import type { NoticeMessageView } from '../../../../shared/model/notices'
import type { DirectoryEmployee } from '../../../../shared/model/directory'
import type { HomeDirectoryRepository } from '../../directory/home-directory-repository'
import { messageView, type NoticeMessageRow } from './message-rows'

/** An employee as the home directory holds them now (null: no longer there; the message keeps its address). */
export function employeeOf(home: HomeDirectoryRepository, key: string): DirectoryEmployee | null {
  const found = home.objects([`employee\t${key}`]).get(`employee\t${key}`)
  return (found as DirectoryEmployee | undefined) ?? null
}

/** Rows → views for the queue's page; each employee's name is read once per page. */
export function messageViews(
  rows: readonly NoticeMessageRow[],
  home: HomeDirectoryRepository,
): NoticeMessageView[] {
  const names = new Map<string, string>()
  const nameOf = (key: string): string => {
    let name = names.get(key)
    if (name === undefined) names.set(key, (name = employeeOf(home, key)?.nameJa ?? key))
    return name
  }
  return rows.map((row) => messageView(row, nameOf))
}
