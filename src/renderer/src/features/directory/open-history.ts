import { emptyDraft } from '../../stores/filter-draft'
import { useNavigationStore } from '../../stores/navigation-store'

/** The history category every directory run writes (engines/directory). */
export const directoryHistoryCategory = 'directory'

/** Opens the sync history already searched for directory entries, with the form showing that filter. */
export function openDirectoryHistory(): void {
  const filter = { ...emptyDraft, category: directoryHistoryCategory }
  useNavigationStore.getState().navigate({ screen: 'history', filter })
}
