import { emptyDraft } from '../../stores/filter-draft'
import { useHistoryStore } from '../../stores/history-store'
import { useNavigationStore } from '../../stores/navigation-store'

/** The history category every directory run writes (engines/directory). */
export const directoryHistoryCategory = 'directory'

/** Opens the sync history already searched for directory entries, with the form showing that filter. */
export function openDirectoryHistory(): void {
  const history = useHistoryStore.getState()
  history.setDraft({ ...emptyDraft, category: directoryHistoryCategory })
  void history.apply({ category: directoryHistoryCategory })
  useNavigationStore.getState().go('history')
}
