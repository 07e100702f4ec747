import type { ReactNode } from 'react'
import { useEffect, useState } from 'react'
import { ErrorBanner, Notice } from '../../components/messages'
import { useT } from '../../i18n'
import { formatDateTime } from '../../lib/format'
import { useMachineStore } from '../../stores/machine-store'
import './machine-banner.css'

/** 「この端末で再開」 asks first: it makes this copy the production site and lets it talk to partners. */
function ResumeConfirm({ onClose }: { readonly onClose: () => void }): ReactNode {
  const t = useT()
  const busy = useMachineStore((s) => s.busy)
  return (
    <div
      className="confirm-box"
      role="alertdialog"
      aria-label={t('machine.resumeHere')}
      data-testid="confirm-resume-here"
    >
      <p>{t('machine.confirmResume')}</p>
      <button
        type="button"
        className="button button-danger"
        autoFocus
        disabled={busy}
        onClick={() => {
          onClose()
          void useMachineStore.getState().confirm('resume-here')
        }}
      >
        {t('machine.resumeHere')}
      </button>
      <button type="button" className="button" onClick={onClose}>
        {t('links.cancel')}
      </button>
    </div>
  )
}

/** A known test copy: one calm line, and the way back should it become the production site after all. */
function TestCopyNote({ count }: { readonly count: number }): ReactNode {
  const t = useT()
  const busy = useMachineStore((s) => s.busy)
  const [confirming, setConfirming] = useState(false)
  return (
    <div className="machine-note" data-testid="machine-test-copy">
      <p role="status">
        {t('machine.testCopy', { count })}{' '}
        <button
          type="button"
          className="button-link"
          disabled={busy || confirming}
          data-testid="machine-test-copy-resume"
          onClick={() => setConfirming(true)}
        >
          {t('machine.resumeHere')}
        </button>
      </p>
      {confirming ? <ResumeConfirm onClose={() => setConfirming(false)} /> : null}
    </div>
  )
}

/**
 * Test copies (issue 13): at the top of the Links screen and the Dashboard. `changed`: why every link was
 * paused and the two ways on; `test-copy`: a calm line; `same`: nothing.
 */
export function MachineBanner(): ReactNode {
  const t = useT()
  const machine = useMachineStore((s) => s.machine)
  const busy = useMachineStore((s) => s.busy)
  const error = useMachineStore((s) => s.error)
  const notice = useMachineStore((s) => s.notice)
  const dismiss = useMachineStore((s) => s.dismiss)
  const [confirming, setConfirming] = useState(false)
  useEffect(() => void useMachineStore.getState().load(), [])
  const messages = (
    <>
      <ErrorBanner message={error} onDismiss={dismiss} />
      <Notice message={notice} onDismiss={dismiss} />
    </>
  )
  if (machine?.state === 'test-copy') {
    return (
      <>
        {messages}
        <TestCopyNote count={machine.pausedLinks.length} />
      </>
    )
  }
  if (machine?.state !== 'changed') return messages
  return (
    <>
      {messages}
      <section
        className="machine-banner"
        role="alert"
        aria-labelledby="machine-banner-title"
        data-testid="machine-banner"
      >
        <h2 id="machine-banner-title">{t('machine.title')}</h2>
        <p>{t('machine.explain')}</p>
        {machine.detectedAt !== null ? (
          <p className="machine-detected">
            {t('machine.detectedAt', { at: formatDateTime(machine.detectedAt) })}
          </p>
        ) : null}
        {machine.pausedLinks.length > 0 ? (
          <>
            <p>{t('machine.pausedLinks')}</p>
            <ul data-testid="machine-paused-links">
              {machine.pausedLinks.map((link) => (
                <li key={link.id}>{link.partnerName}</li>
              ))}
            </ul>
          </>
        ) : null}
        <p>{t('machine.choose')}</p>
        <div className="machine-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={busy || confirming}
            data-testid="machine-resume-here"
            onClick={() => setConfirming(true)}
          >
            {t('machine.resumeHere')}
          </button>
          <button
            type="button"
            className="button"
            disabled={busy}
            data-testid="machine-keep-paused"
            onClick={() => void useMachineStore.getState().confirm('keep-paused')}
          >
            {t('machine.keepPaused')}
          </button>
        </div>
        {confirming ? <ResumeConfirm onClose={() => setConfirming(false)} /> : null}
      </section>
    </>
  )
}
