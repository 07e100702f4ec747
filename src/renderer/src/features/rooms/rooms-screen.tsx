import type { ReactNode } from 'react'
import { ScreenTitle } from '../../components/screen-title'
import { useT } from '../../i18n'
import type { RoomTab } from '../../lib/routes'
import { useNavigationStore } from '../../stores/navigation-store'
import { CommunitiesTab } from './communities-tab'
import { HistoryTab } from './history-tab'
import { NoticesTab } from './notices-tab'
import { PreviewTab } from './preview-tab'
import { RoomTabs, roomTabPanelId } from './room-tabs'
import { SettingsTab } from './settings-tab'
import './rooms.css'

const panels: Readonly<Record<RoomTab, () => ReactNode>> = {
  communities: () => <CommunitiesTab />,
  preview: () => <PreviewTab />,
  parameters: () => <SettingsTab />,
  notices: () => <NoticesTab />,
  history: () => <HistoryTab />,
}

/** 会議室の自動生成 (seed 003 appendix F): communities become conference rooms (Mailman 3 lists). */
export function RoomsScreen(): ReactNode {
  const t = useT()
  const tab = useNavigationStore((s) => (s.route.screen === 'rooms' ? s.route.tab : 'communities'))
  return (
    <div className="screen rooms-screen" data-testid="screen-rooms">
      <ScreenTitle>{t('rooms.title')}</ScreenTitle>
      <p className="note">{t('rooms.intro')}</p>
      <RoomTabs current={tab} />
      <div
        id={roomTabPanelId}
        role="tabpanel"
        aria-labelledby={`room-tab-${tab}`}
        data-testid={`room-panel-${tab}`}
      >
        {panels[tab]()}
      </div>
    </div>
  )
}
