import type { KeyboardEvent, ReactNode } from 'react'
import { useRef } from 'react'
import { useT, type MessageKey } from '../../i18n'
import { roomTabs, routeHash, type RoomTab } from '../../lib/routes'
import { useNavigationStore } from '../../stores/navigation-store'

const tabLabels: Readonly<Record<RoomTab, MessageKey>> = {
  communities: 'rooms.tab.communities',
  preview: 'rooms.tab.preview',
  parameters: 'rooms.tab.parameters',
  notices: 'rooms.tab.notices',
  history: 'rooms.tab.history',
}

export const roomTabPanelId = 'room-tab-panel'

/** The Rooms screen's tabs, each its own URL; arrows, Home and End open the tab reached (as the Notices tabs). */
export function RoomTabs({ current }: { readonly current: RoomTab }): ReactNode {
  const t = useT()
  const refs = useRef<(HTMLAnchorElement | null)[]>([])
  const open = (index: number): void => {
    const tab = roomTabs[(index + roomTabs.length) % roomTabs.length]!
    useNavigationStore.getState().navigate({ screen: 'rooms', tab })
    refs.current[roomTabs.indexOf(tab)]?.focus()
  }
  const onKeyDown = (event: KeyboardEvent, index: number): void => {
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: roomTabs.length - 1,
    }
    const to = moves[event.key]
    if (to === undefined) return
    event.preventDefault()
    open(to)
  }
  return (
    <div className="link-tabs" role="tablist" aria-label={t('rooms.tab.label')}>
      {roomTabs.map((tab, index) => (
        <a
          key={tab}
          ref={(el) => {
            refs.current[index] = el
          }}
          role="tab"
          id={`room-tab-${tab}`}
          href={routeHash({ screen: 'rooms', tab })}
          aria-selected={tab === current}
          aria-controls={roomTabPanelId}
          tabIndex={tab === current ? 0 : -1}
          className={tab === current ? 'link-tab link-tab-current' : 'link-tab'}
          data-testid={`room-tab-${tab}`}
          onKeyDown={(e) => onKeyDown(e, index)}
        >
          {t(tabLabels[tab])}
        </a>
      ))}
    </div>
  )
}
