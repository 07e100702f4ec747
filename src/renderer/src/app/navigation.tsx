import type { ReactNode } from 'react'
import type { MessageKey } from '../i18n'
import { useT } from '../i18n'
import type { Screen } from '../stores/navigation-store'
import { screens, useNavigationStore } from '../stores/navigation-store'

const labels: Readonly<Record<Screen, MessageKey>> = {
  dashboard: 'nav.dashboard',
  directory: 'nav.directory',
  calendar: 'nav.calendar',
  history: 'nav.history',
  settings: 'nav.settings',
}

/** The left menu: plain buttons, so Tab reaches them and Enter or Space opens a screen. */
export function Navigation(): ReactNode {
  const t = useT()
  const current = useNavigationStore((s) => s.screen)
  const go = useNavigationStore((s) => s.go)
  return (
    <nav className="side-nav" aria-label={t('nav.label')}>
      <ul>
        {screens.map((screen) => (
          <li key={screen}>
            <button
              type="button"
              className="nav-item"
              aria-current={screen === current ? 'page' : undefined}
              data-testid={`nav-${screen}`}
              onClick={() => go(screen)}
            >
              {t(labels[screen])}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  )
}
