import type { ReactNode } from 'react'
import { useEffect } from 'react'
import { CalendarScreen } from '../features/calendar/calendar-screen'
import { DashboardScreen } from '../features/dashboard/dashboard-screen'
import { DirectoryScreen } from '../features/directory/directory-screen'
import { HistoryScreen } from '../features/history/history-screen'
import { LinksScreen } from '../features/links/links-screen'
import { NoticesScreen } from '../features/notices/notices-screen'
import { RoomsScreen } from '../features/rooms/rooms-screen'
import { RunConfirmDialog } from '../features/run-confirm/run-confirm-dialog'
import { SettingsScreen } from '../features/settings/settings-screen'
import { useLanguage, useT } from '../i18n'
import { useAppStatusStore } from '../stores/app-status-store'
import type { Screen } from '../stores/navigation-store'
import { useNavigationStore } from '../stores/navigation-store'
import { AccessDenied } from './access-denied'
import { Navigation } from './navigation'
import { TopBar } from './top-bar'

const screenComponents: Readonly<Record<Screen, () => ReactNode>> = {
  dashboard: DashboardScreen,
  directory: DirectoryScreen,
  calendar: CalendarScreen,
  links: LinksScreen,
  notices: NoticesScreen,
  rooms: RoomsScreen,
  history: HistoryScreen,
  settings: SettingsScreen,
}

/** Keeps `<html lang>` and the window title in the UI language, for screen readers and fonts. */
function useDocumentLanguage(): void {
  const language = useLanguage()
  useEffect(() => {
    document.documentElement.lang = language
    document.title = language === 'ja' ? '連携 Renkei' : 'Renkei'
  }, [language])
}

export function AppShell(): ReactNode {
  useDocumentLanguage()
  const t = useT()
  const accessDenied = useAppStatusStore((s) => s.accessDenied)
  const screen = useNavigationStore((s) => s.screen)
  if (accessDenied) return <AccessDenied />
  const Current = screenComponents[screen]
  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault()
          document.getElementById('main')?.focus()
        }}
      >
        {t('app.skipToMain')}
      </a>
      <TopBar />
      <div className="layout">
        <Navigation />
        <main id="main" className="main" tabIndex={-1}>
          <Current key={screen} />
        </main>
      </div>
      {/* Over any screen: the tray's "send now" may ask for it whichever screen is open. */}
      <RunConfirmDialog />
    </div>
  )
}
