import type { ReactNode } from 'react'
import { useEffect, useState } from 'react'
import type { Localized } from '../../../../shared/model/localized'
import type { VisitTicket } from '../../../../shared/model/sitelink-rules'
import { Busy, ErrorBanner } from '../../components/messages'
import { useT } from '../../i18n'
import { api } from '../../lib/api'
import { toLocalized } from '../../lib/errors'
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
  const [copied, setCopied] = useState(false)
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!ticket) return undefined
    const timer = window.setInterval(() => setNow(Date.now()), 1000)
    return () => window.clearInterval(timer)
  }, [ticket])
  const issue = async (): Promise<void> => {
    setBusy(true)
    setError(null)
    setCopied(false)
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
        <div className="request-url">
          <label className="request-url-row">
            <span>{t('links.preview.visitUrl')}</span>
            <input
              type="text"
              readOnly
              value={ticket.url}
              data-testid="visit-url"
              onFocus={(e) => e.target.select()}
            />
          </label>
          <div className="form-actions">
            <button
              type="button"
              className="button"
              data-testid="visit-copy"
              onClick={() => void navigator.clipboard.writeText(ticket.url).then(() => setCopied(true))}
            >
              {t('links.request.copy')}
            </button>
            <span className="countdown" data-testid="visit-countdown">
              {t('links.preview.remaining', { left: left.slice(3) })}
            </span>
            {copied ? (
              <span role="status" className="ok-text">
                {t('links.request.copied')}
              </span>
            ) : null}
          </div>
          <p className="note">{t('links.preview.once')}</p>
        </div>
      ) : null}
      {ticket && left === null ? <p className="muted">{t('links.preview.expired')}</p> : null}
    </div>
  )
}
