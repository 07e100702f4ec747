import type { ReactNode } from 'react'
import type { MessageKey } from '../i18n'
import { useT } from '../i18n'
import { routeHash, screenRoute } from '../lib/routes'
import type { Screen } from '../stores/navigation-store'
import { screens, useNavigationStore } from '../stores/navigation-store'

const labels: Readonly<Record<Screen, MessageKey>> = {
  dashboard: 'nav.dashboard',
  directory: 'nav.directory',
  calendar: 'nav.calendar',
  links: 'nav.links',
  notices: 'nav.notices',
  rooms: 'nav.rooms',
  history: 'nav.history',
  settings: 'nav.settings',
}

/** The left menu: plain links to each screen's URL, so Tab reaches them, Enter opens one, and they can be copied or opened in a new tab. */
export function Navigation(): ReactNode {
  const t = useT()
  const current = useNavigationStore((s) => s.screen)
  return (
    <nav className="side-nav" aria-label={t('nav.label')}>
      <ul>
        {screens.map((screen) => (
          <li key={screen}>
            <a
              className="nav-item"
              href={routeHash(screenRoute(screen))}
              aria-current={screen === current ? 'page' : undefined}
              data-testid={`nav-${screen}`}
            >
              {t(labels[screen])}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
