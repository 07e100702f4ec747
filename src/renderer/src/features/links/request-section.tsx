import type { ReactNode } from 'react'
import { useEffect, useState } from 'react'
import { linkRequestMail } from '../../../../shared/model/sitelink-mail'
import type { LinkRequestTicket } from '../../../../shared/model/sitelink'
import { ErrorBanner } from '../../components/messages'
import { Section } from '../../components/section'
import { useLanguage, useT } from '../../i18n'
import { formatDateTimeWithWeekday } from '../../lib/format'
import { useLinksStore } from '../../stores/links-store'
import { CopyableUrl } from './copyable-url'
import { remainingText } from './countdown'

/** The time left, ticking every second; 「期限切れ」 once it is gone. */
function Countdown({ expiresAt }: { readonly expiresAt: number }): ReactNode {
  const t = useT()
  const language = useLanguage()
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000)
    return () => window.clearInterval(timer)
  }, [])
  const left = remainingText(expiresAt, now)
  return (
    <p className="countdown" data-testid="request-countdown">
      {left === null
        ? t('links.request.expired')
        : t('links.request.remaining', { left, until: formatDateTimeWithWeekday(expiresAt, language) })}
    </p>
  )
}

/** The URL once, with a copy button and the mail draft (seed: the mail opens with the URL in its body). */
function IssuedUrl({ ticket }: { readonly ticket: LinkRequestTicket }): ReactNode {
  const t = useT()
  const language = useLanguage()
  const site = useLinksStore((s) => s.site)
  const mail = site ? linkRequestMail(ticket, site, language) : null
  return (
    <CopyableUrl
      label={t('links.request.url')}
      url={ticket.url}
      testId="request"
      note={t('links.request.once')}
    >
      {mail ? (
        <a className="button" href={mail.mailto} data-testid="request-mail">
          {t('links.request.mail')}
        </a>
      ) : null}
    </CopyableUrl>
  )
}

/** 「連携を要求」 (seed Step1.要求): a one-time URL valid 24 hours; a new one stops the old. */
export function RequestSection(): ReactNode {
  const t = useT()
  const site = useLinksStore((s) => s.site)
  const current = useLinksStore((s) => s.current)
  const ticket = useLinksStore((s) => s.ticket)
  const error = useLinksStore((s) => s.requestError)
  const busy = useLinksStore((s) => s.busy)
  const request = useLinksStore((s) => s.request)
  const [confirming, setConfirming] = useState(false)
  if (!site) return null
  const issue = (): void => {
    setConfirming(false)
    void request()
  }
  const live = current !== null
  return (
    <Section title={t('links.request')} testId="links-request">
      <p className="note">{t('links.request.intro')}</p>
      {live && ticket === null ? (
        <p className="note">{t('links.request.live', { requester: current.requester })}</p>
      ) : null}
      {current ? <Countdown key={current.expiresAt} expiresAt={current.expiresAt} /> : null}
      {ticket ? <IssuedUrl ticket={ticket} /> : null}
      <ErrorBanner message={error} />
      {confirming ? (
        <div
          className="confirm-box"
          role="group"
          aria-label={t('links.request.reissue')}
          data-testid="request-reissue-confirm"
        >
          <p>{t('links.request.reissueWarning')}</p>
          <button type="button" className="button button-danger" autoFocus disabled={busy} onClick={issue}>
            {t('links.request.reissue')}
          </button>
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            {t('links.cancel')}
          </button>
        </div>
      ) : (
        <div className="form-actions">
          <button
            type="button"
            className="button button-primary"
            data-testid="request-issue"
            disabled={busy || !site.ready}
            onClick={() => (live ? setConfirming(true) : issue())}
          >
            {t(live ? 'links.request.reissue' : 'links.request.issue')}
          </button>
          {site.ready ? null : <span className="muted">{t('links.site.notReady')}</span>}
        </div>
      )}
    </Section>
  )
}
