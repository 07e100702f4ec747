import type { ReactNode } from 'react'
import { useEffect } from 'react'
import { ErrorBanner, Notice } from '../../components/messages'
import { ScreenTitle } from '../../components/screen-title'
import { useT } from '../../i18n'
import type { LinksRouteView } from '../../lib/routes'
import { useLinksStore } from '../../stores/links-store'
import { useNavigationStore } from '../../stores/navigation-store'
import { AcceptSection } from './accept-section'
import { EndpointSection } from './endpoint-section'
import { HomeSiteCard } from './home-site-card'
import { LinkDetailView } from './link-detail'
import { LinksTable } from './links-table'
import { MachineBanner } from './machine-banner'
import { OidcSection } from './oidc-section'
import { PresenceSection } from './presence-section'
import { RequestSection } from './request-section'
import { SiteSettingsSection } from './site-settings-section'
import './links.css'

const listView: LinksRouteView = { kind: 'list' }

function Messages(): ReactNode {
  const error = useLinksStore((s) => s.error)
  const notice = useLinksStore((s) => s.notice)
  const loadError = useLinksStore((s) => s.loadError)
  const dismiss = useLinksStore((s) => s.dismiss)
  return (
    <>
      <ErrorBanner message={loadError} />
      <ErrorBanner message={error} onDismiss={dismiss} />
      <Notice message={notice} onDismiss={dismiss} />
    </>
  )
}

/** Site link (seed コラボリンク): the home site and its links, request and accept, one partner's detail. */
export function LinksScreen(): ReactNode {
  const t = useT()
  const view = useNavigationStore((s) => (s.route.screen === 'links' ? s.route.view : listView))
  useEffect(() => {
    void useLinksStore.getState().load()
    // The request URL is shown once: leaving the screen forgets it for good.
    return () => useLinksStore.getState().forgetTicket()
  }, [])
  return (
    <div className="screen links-screen" data-testid="screen-links">
      <ScreenTitle>{t('links.title')}</ScreenTitle>
      <MachineBanner />
      <Messages />
      {view.kind === 'list' ? (
        <>
          <HomeSiteCard />
          <PresenceSection />
          <LinksTable />
          <RequestSection />
          <AcceptSection />
          <SiteSettingsSection />
          <EndpointSection />
          <OidcSection />
        </>
      ) : (
        <LinkDetailView key={view.id} id={view.id} tab={view.tab} />
      )}
    </div>
  )
}
