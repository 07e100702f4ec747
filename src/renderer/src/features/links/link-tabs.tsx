import type { KeyboardEvent, ReactNode } from 'react'
import { useRef } from 'react'
import { useT, type MessageKey } from '../../i18n'
import { routeHash, type LinkTab } from '../../lib/routes'
import { useNavigationStore } from '../../stores/navigation-store'

type TabOrOverview = LinkTab | 'overview'
const tabs: readonly TabOrOverview[] = ['overview', 'visit', 'accept', 'preview', 'visits']
const tabLabels: Readonly<Record<TabOrOverview, MessageKey>> = {
  overview: 'links.tab.overview',
  visit: 'links.tab.visit',
  accept: 'links.tab.accept',
  preview: 'links.tab.preview',
  visits: 'links.tab.visits',
}

const hashOf = (id: string, tab: TabOrOverview): string =>
  routeHash({
    screen: 'links',
    view: tab === 'overview' ? { kind: 'detail', id } : { kind: 'detail', id, tab },
  })

export const tabPanelId = 'link-tab-panel'

/**
 * The link page's tabs, each its own URL (Back and bookmarks work). Arrow keys, Home and End move between
 * them and open the one reached (the WAI tabs pattern with automatic activation).
 */
export function LinkTabs({
  id,
  current,
}: {
  readonly id: string
  readonly current: TabOrOverview
}): ReactNode {
  const t = useT()
  const refs = useRef<(HTMLAnchorElement | null)[]>([])
  const open = (index: number): void => {
    const tab = tabs[(index + tabs.length) % tabs.length]!
    useNavigationStore.getState().navigate({
      screen: 'links',
      view: tab === 'overview' ? { kind: 'detail', id } : { kind: 'detail', id, tab },
    })
    refs.current[tabs.indexOf(tab)]?.focus()
  }
  const onKeyDown = (event: KeyboardEvent, index: number): void => {
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: tabs.length - 1,
    }
    const to = moves[event.key]
    if (to === undefined) return
    event.preventDefault()
    open(to)
  }
  return (
    <div className="link-tabs" role="tablist" aria-label={t('links.tab.label')}>
      {tabs.map((tab, index) => (
        <a
          key={tab}
          ref={(el) => {
            refs.current[index] = el
          }}
          role="tab"
          id={`link-tab-${tab}`}
          href={hashOf(id, tab)}
          aria-selected={tab === current}
          aria-controls={tabPanelId}
          tabIndex={tab === current ? 0 : -1}
          className={tab === current ? 'link-tab link-tab-current' : 'link-tab'}
          data-testid={`link-tab-${tab}`}
          onKeyDown={(e) => onKeyDown(e, index)}
        >
          {t(tabLabels[tab])}
        </a>
      ))}
    </div>
  )
}
