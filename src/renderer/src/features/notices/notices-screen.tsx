import type { ReactNode } from 'react'
import { ScreenTitle } from '../../components/screen-title'
import { useT } from '../../i18n'
import type { NoticeTab, NoticesRouteView } from '../../lib/routes'
import { useNavigationStore } from '../../stores/navigation-store'
import { EventsTab } from './events-tab'
import { NoticeTabs, noticeTabPanelId } from './notice-tabs'
import { OptInsTab } from './optins-tab'
import { QueueTab } from './queue-tab'
import { SettingsTab } from './settings-tab'
import { SourcesTab } from './sources-tab'
import { TargetsTab } from './targets-tab'
import { TemplatesTab } from './templates-tab'
import './notices.css'

const defaultView: NoticesRouteView = { tab: 'targets' }

function TabPanel({ view }: { readonly view: NoticesRouteView }): ReactNode {
  const panels: Readonly<Record<NoticeTab, () => ReactNode>> = {
    targets: () => <TargetsTab />,
    templates: () => <TemplatesTab />,
    optins: () => <OptInsTab />,
    queue: () => <QueueTab />,
    events: () => <EventsTab row={view.row} />,
    sources: () => <SourcesTab />,
    settings: () => <SettingsTab />,
  }
  return panels[view.tab]()
}

/** お知らせ中継 (seed ⑤ ⑥): groupware events to the people they concern, by e-mail, chat or webhook. */
export function NoticesScreen(): ReactNode {
  const t = useT()
  const view = useNavigationStore((s) => (s.route.screen === 'notices' ? s.route.view : defaultView))
  return (
    <div className="screen notices-screen" data-testid="screen-notices">
      <ScreenTitle>{t('notices.title')}</ScreenTitle>
      <p className="note">{t('notices.intro')}</p>
      <NoticeTabs current={view.tab} />
      <div
        id={noticeTabPanelId}
        role="tabpanel"
        aria-labelledby={`notice-tab-${view.tab}`}
        data-testid={`notice-panel-${view.tab}`}
      >
        <TabPanel key={`${view.tab}/${view.row ?? ''}`} view={view} />
      </div>
    </div>
  )
}
