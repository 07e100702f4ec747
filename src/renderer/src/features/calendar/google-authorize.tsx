import type { ReactNode } from 'react'
import { useState } from 'react'
import type { OAuthStart } from '../../../../shared/model/calendar'
import type { Localized } from '../../../../shared/model/localized'
import { Busy, ErrorBanner } from '../../components/messages'
import { useT } from '../../i18n'
import { api } from '../../lib/api'
import { toLocalized } from '../../lib/errors'

interface GoogleAuthorizeProps {
  /** The saved pair; null while the pair (or its Google settings) is not saved yet. */
  readonly pairId: string | null
  readonly authorized: boolean | null
}

/**
 * 「Google で認可」: the core starts the installed-app flow and listens on its loopback redirect; the
 * browser does the rest. The state below follows the pair's status once Google answers.
 */
export function GoogleAuthorize({ pairId, authorized }: GoogleAuthorizeProps): ReactNode {
  const t = useT()
  const [starting, setStarting] = useState(false)
  const [started, setStarted] = useState<OAuthStart | null>(null)
  const [error, setError] = useState<Localized | null>(null)
  const start = async (): Promise<void> => {
    if (!pairId || starting) return
    setStarting(true)
    setError(null)
    try {
      const flow = await api['calendar.oauth.start']({ id: pairId })
      setStarted(flow)
      window.open(flow.authorizeUrl, '_blank', 'noopener')
    } catch (e) {
      setError(toLocalized(e))
    } finally {
      setStarting(false)
    }
  }
  return (
    <div className="google-authorize" data-testid="google-authorize">
      <div className="form-actions">
        <span
          className={authorized ? 'state state-set' : 'state state-unset'}
          data-testid="google-authorized"
        >
          {t(authorized ? 'calendar.google.authorized' : 'calendar.google.notAuthorized')}
        </span>
        <button
          type="button"
          className="button"
          disabled={!pairId}
          aria-describedby={pairId ? undefined : 'google-save-first'}
          data-testid="google-authorize-start"
          onClick={() => void start()}
        >
          {t('calendar.google.authorize')}
        </button>
        {starting ? <Busy label={t('calendar.google.starting')} /> : null}
        {!pairId ? (
          <span id="google-save-first" className="field-hint">
            {t('calendar.google.saveFirst')}
          </span>
        ) : null}
      </div>
      {started && !authorized ? (
        <p className="note" role="status">
          {t('calendar.google.waiting')}{' '}
          <a href={started.authorizeUrl} target="_blank" rel="noreferrer noopener">
            {t('calendar.google.openAgain')}
          </a>
        </p>
      ) : null}
      <ErrorBanner message={error} />
      <p className="note google-note">{t('calendar.google.accountNote')}</p>
    </div>
  )
}
