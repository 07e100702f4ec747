import type { ReactNode } from 'react'
import { useEffect, useState } from 'react'
import type { Localized } from '../../../../shared/model/localized'
import type { VisitTicket } from '../../../../shared/model/sitelink-rules'
import { Busy, ErrorBanner } from '../../components/messages'
import { useT } from '../../i18n'
import { api } from '../../lib/api'
import { toLocalized } from '../../lib/errors'
import { CopyableUrl } from './copyable-url'
import { remainingText } from './countdown'

/**
 * 「訪問URLを発行」 for a home employee the rules allow: the one-time URL with its 60 s countdown and a copy
 * button; gone from the screen when it expires (it no longer works then).
 */
export function VisitTicketPanel({
  id,
  employeeKey,
}: {
  readonly id: string
  readonly employeeKey: string
}): ReactNode {
  const t = useT()
  const [ticket, setTicket] = useState<VisitTicket | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<Localized | null>(null)
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!ticket) return undefined
    const timer = window.setInterval(() => setNow(Date.now()), 1000)
    return () => window.clearInterval(timer)
  }, [ticket])
  const issue = async (): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      setTicket(await api['link.visit.issue']({ id, employeeKey }))
      setNow(Date.now())
    } catch (caught) {
      setError(toLocalized(caught))
    } finally {
      setBusy(false)
    }
  }
  const left = ticket ? remainingText(ticket.expiresAt, now) : null
  return (
    <div className="visit-ticket" data-testid="visit-ticket">
      <button
        type="button"
        className="button"
        disabled={busy}
        data-testid="visit-issue"
        onClick={() => void issue()}
      >
        {t('links.preview.issue')}
      </button>
      {busy ? <Busy label={t('links.preview.issuing')} /> : null}
      <ErrorBanner message={error} />
      {ticket && left !== null ? (
        <CopyableUrl
          label={t('links.preview.visitUrl')}
          url={ticket.url}
          testId="visit"
          note={t('links.preview.once')}
        >
          <span className="countdown" data-testid="visit-countdown">
            {t('links.preview.remaining', { left: left.slice(3) })}
          </span>
        </CopyableUrl>
      ) : null}
      {ticket && left === null ? <p className="muted">{t('links.preview.expired')}</p> : null}
    </div>
  )
}
