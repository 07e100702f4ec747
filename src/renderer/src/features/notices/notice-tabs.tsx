import type { KeyboardEvent, ReactNode } from 'react'
import { useRef } from 'react'
import { useT, type MessageKey } from '../../i18n'
import { noticeTabs, routeHash, type NoticeTab } from '../../lib/routes'
import { useNavigationStore } from '../../stores/navigation-store'

const tabLabels: Readonly<Record<NoticeTab, MessageKey>> = {
  targets: 'notices.tab.targets',
  templates: 'notices.tab.templates',
  optins: 'notices.tab.optins',
  queue: 'notices.tab.queue',
  events: 'notices.tab.events',
  sources: 'notices.tab.sources',
  settings: 'notices.tab.settings',
}

export const noticeTabPanelId = 'notice-tab-panel'

/**
 * The Notices screen's tabs, each its own URL (Back and bookmarks work); arrows, Home and End move between
 * them and open the one reached (the WAI tabs pattern with automatic activation), as the link page's tabs.
 */
export function NoticeTabs({ current }: { readonly current: NoticeTab }): ReactNode {
  const t = useT()
  const refs = useRef<(HTMLAnchorElement | null)[]>([])
  const open = (index: number): void => {
    const tab = noticeTabs[(index + noticeTabs.length) % noticeTabs.length]!
    useNavigationStore.getState().navigate({ screen: 'notices', view: { tab } })
    refs.current[noticeTabs.indexOf(tab)]?.focus()
  }
  const onKeyDown = (event: KeyboardEvent, index: number): void => {
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: noticeTabs.length - 1,
    }
    const to = moves[event.key]
    if (to === undefined) return
    event.preventDefault()
    open(to)
  }
  return (
    <div className="link-tabs" role="tablist" aria-label={t('notices.tab.label')}>
      {noticeTabs.map((tab, index) => (
        <a
          key={tab}
          ref={(el) => {
            refs.current[index] = el
          }}
          role="tab"
          id={`notice-tab-${tab}`}
          href={routeHash({ screen: 'notices', view: { tab } })}
          aria-selected={tab === current}
          aria-controls={noticeTabPanelId}
          tabIndex={tab === current ? 0 : -1}
          className={tab === current ? 'link-tab link-tab-current' : 'link-tab'}
          data-testid={`notice-tab-${tab}`}
          onKeyDown={(e) => onKeyDown(e, index)}
        >
          {t(tabLabels[tab])}
        </a>
      ))}
    </div>
  )
}
