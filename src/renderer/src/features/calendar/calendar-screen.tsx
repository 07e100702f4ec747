import type { ReactNode } from 'react'
import { useEffect } from 'react'
import { ScreenTitle } from '../../components/screen-title'
import { useT } from '../../i18n'
import type { CalendarRouteView } from '../../lib/routes'
import { useCalendarStore } from '../../stores/calendar-store'
import { useDirectoryStore } from '../../stores/directory-store'
import { useNavigationStore } from '../../stores/navigation-store'
import { useSecretsStore } from '../../stores/secrets-store'
import { PairEditor } from './pair-editor'
import { SettingsSection } from './settings-section'
import { UsersSection } from './users-section'
import '../directory/directory.css'
import './calendar.css'

/** Back from a user's settings, the focus returns to that user's name in the list. */
function useReturnFocus(focus: string | undefined): void {
  useEffect(() => {
    if (focus) document.querySelector<HTMLElement>(`[data-pair="${CSS.escape(focus)}"]`)?.focus()
  }, [focus])
}

const listView: CalendarRouteView = { kind: 'list' }

/** Calendar sync: the user list with permits, one user's settings, and the settings all users share. */
export function CalendarScreen(): ReactNode {
  const t = useT()
  const view = useNavigationStore((s) => (s.route.screen === 'calendar' ? s.route.view : listView))
  const returnFocus = useCalendarStore((s) => s.returnFocus)
  useReturnFocus(view.kind === 'list' ? returnFocus : undefined)
  useEffect(() => {
    const store = useCalendarStore.getState()
    void store.loadStatus()
    // Whether each password is set can change from the Settings screen or the CLI.
    void useSecretsStore.getState().load()
    // The name picker is offered only when the home directory has people.
    void useDirectoryStore.getState().loadStatus()
  }, [])
  return (
    <div className="screen calendar-screen" data-testid="screen-calendar">
      <ScreenTitle>{t('calendar.title')}</ScreenTitle>
      {view.kind === 'list' ? (
        <>
          <UsersSection />
          <SettingsSection />
        </>
      ) : (
        <PairEditor view={view} />
      )}
    </div>
  )
}
