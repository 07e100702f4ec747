import type { ReactNode } from 'react'
import { useEffect, useRef, useState } from 'react'
import type { Localized } from '../../../../shared/model/localized'
import { Button } from '../../components/button'
import { Busy, ErrorBanner, Notice } from '../../components/messages'
import { useT } from '../../i18n'
import { toLocalized } from '../../lib/errors'

/**
 * A button that asks first (the question in place, focus on 「実行する」, Escape cancels), then runs `act` and
 * shows its outcome or the core's refusal right below, in the current language.
 */
export function ConfirmAction(props: {
  readonly label: string
  readonly question: string
  readonly busyLabel: string
  readonly testId: string
  readonly disabled?: boolean
  readonly act: () => Promise<Localized>
}): ReactNode {
  const t = useT()
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Localized | null>(null)
  const [error, setError] = useState<Localized | null>(null)
  const confirmRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (asking) confirmRef.current?.querySelector<HTMLButtonElement>('button')?.focus()
  }, [asking])
  const run = (): void => {
    setAsking(false)
    setBusy(true)
    setOutcome(null)
    setError(null)
    props
      .act()
      .then(setOutcome, (caught: unknown) => setError(toLocalized(caught)))
      .finally(() => setBusy(false))
  }
  return (
    <div className="room-action" data-testid={props.testId}>
      {asking ? (
        <div
          ref={confirmRef}
          className="room-confirm"
          role="group"
          aria-label={props.label}
          data-testid={`${props.testId}-confirm`}
          onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}
        >
          <p>{props.question}</p>
          <div className="form-actions">
            <Button primary testId={`${props.testId}-yes`} onClick={run}>
              {t('rooms.confirm.yes')}
            </Button>
            <Button testId={`${props.testId}-no`} onClick={() => setAsking(false)}>
              {t('rooms.confirm.no')}
            </Button>
          </div>
        </div>
      ) : (
        <div className="form-actions">
          <Button
            primary
            disabled={props.disabled || busy}
            testId={`${props.testId}-start`}
            onClick={() => setAsking(true)}
          >
            {props.label}
          </Button>
          {busy ? <Busy label={props.busyLabel} /> : null}
        </div>
      )}
      <ErrorBanner message={error} onDismiss={() => setError(null)} />
      <Notice message={outcome} onDismiss={() => setOutcome(null)} />
    </div>
  )
}
