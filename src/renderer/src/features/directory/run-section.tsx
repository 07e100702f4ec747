import type { ReactNode } from 'react'
import { useEffect, useRef, useState } from 'react'
import type { DirectoryPlan, DirectoryRunSummary } from '../../../../shared/model/directory'
import { Button } from '../../components/button'
import { ErrorBanner } from '../../components/messages'
import { Section } from '../../components/section'
import { formatCount, useLanguage, useT } from '../../i18n'
import { useDirectoryStore } from '../../stores/directory-store'
import { useRunConfirmStore } from '../../stores/run-confirm-store'
import { openDirectoryHistory } from './open-history'
import { PlanSummary } from './plan-summary'
import { RunProgress } from './run-progress'
import { stepHref } from './step-tabs'

const tones: Readonly<
  Record<DirectoryRunSummary['outcome'], { className: string; role: 'status' | 'alert' }>
> = {
  ok: { className: 'banner banner-info', role: 'status' },
  warning: { className: 'banner banner-warning', role: 'alert' },
  error: { className: 'banner banner-error', role: 'alert' },
  blocked: { className: 'banner banner-error', role: 'alert' },
}

/** What the run did, in the core's words, with the way to its history lines. */
function RunResult({ summary }: { readonly summary: DirectoryRunSummary }): ReactNode {
  const t = useT()
  const language = useLanguage()
  const tone = tones[summary.outcome]
  return (
    <div className={tone.className} role={tone.role} data-testid="run-result">
      <span>{summary.message[language]}</span>
      <button type="button" className="button-link" data-testid="open-history" onClick={openDirectoryHistory}>
        {t('directory.openHistory')}
      </button>
    </div>
  )
}

/** What the admin is about to approve for one run. */
type Approval = 'deletions' | 'adoptions'

interface ApproveProps {
  readonly plan: DirectoryPlan
  readonly what: Approval
  readonly onCancel: () => void
  readonly onApprove: () => void
}

/** The second step of an approval (deletion guard, adoptions): says how many, and needs a deliberate click. */
function ApproveConfirm({ plan, what, onCancel, onApprove }: ApproveProps): ReactNode {
  const t = useT()
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => ref.current?.focus(), [])
  const question =
    what === 'deletions'
      ? t('directory.approve.question', { count: formatCount(plan.deletion.removals) })
      : t('directory.approveAdoptions.question', { count: formatCount(plan.adoption.candidates) })
  return (
    <div className="rule-box confirm-box" role="group" tabIndex={-1} ref={ref} data-testid="approve-confirm">
      <p>{question}</p>
      <div className="form-actions">
        <button
          type="button"
          className="button button-danger"
          data-testid="approve-confirm-run"
          onClick={onApprove}
        >
          {t('directory.approve.confirm')}
        </button>
        <Button onClick={onCancel}>{t('settings.secrets.cancel')}</Button>
      </div>
    </div>
  )
}

/**
 * Disabled only without a source. While a run works they stay enabled (a disabled button would drop the
 * keyboard focus); the store ignores a second start, and the progress bar shows the work.
 */
function RunButtons({ onApprove }: { readonly onApprove: (what: Approval) => void }): ReactNode {
  const t = useT()
  const plan = useDirectoryStore((s) => s.plan)
  const configured = useDirectoryStore((s) => (s.config ? s.config.source.kind !== 'none' : false))
  const requestRun = useRunConfirmStore((s) => s.request)
  return (
    <>
      <Button primary disabled={!configured} testId="directory-run" onClick={() => void requestRun()}>
        {t('directory.runNow')}
      </Button>
      {plan?.deletion.tripped && !plan.deletion.approved ? (
        <Button disabled={!configured} testId="directory-approve" onClick={() => onApprove('deletions')}>
          {t('directory.approve')}
        </Button>
      ) : null}
      {plan && plan.adoption.candidates > 0 ? (
        <Button
          disabled={!configured}
          testId="directory-approve-adoptions"
          onClick={() => onApprove('adoptions')}
        >
          {t('directory.approveAdoptions')}
        </Button>
      ) : null}
      {!configured ? <span className="field-hint">{t('directory.preview.needsSource')}</span> : null}
    </>
  )
}

/** The counts of the last preview beside the run button, or the way to the preview when there is none. */
function LastPreview({ plan }: { readonly plan: DirectoryPlan | null }): ReactNode {
  const t = useT()
  const language = useLanguage()
  if (!plan) {
    return (
      <p className="note" data-testid="run-no-preview">
        {t('directory.run.noPreview')} <a href={stepHref('preview')}>{t('directory.run.openPreview')}</a>
      </p>
    )
  }
  return (
    <div data-testid="run-last-preview">
      <h3 className="subheading">{t('directory.run.lastPreview')}</h3>
      {plan.blocked ? (
        <div className="rule-box" role="alert" data-testid="plan-blocked">
          <p>{plan.blocked[language]}</p>
        </div>
      ) : null}
      <PlanSummary plan={plan} />
    </div>
  )
}

/** 実行: "run now" and the guarded approvals, beside the counts of the last preview, then what the run did. */
export function RunSection(): ReactNode {
  const t = useT()
  const plan = useDirectoryStore((s) => s.plan)
  const busy = useDirectoryStore((s) => s.busy)
  const error = useDirectoryStore((s) => s.planError)
  const summary = useDirectoryStore((s) => s.runSummary)
  const progress = useDirectoryStore((s) => s.progress)
  const run = useDirectoryStore((s) => s.run)
  const [confirming, setConfirming] = useState<Approval | null>(null)
  const actions = useRef<HTMLDivElement>(null)
  /** The confirmation closes: the focus goes back to a button instead of the page's start. */
  const focusButton = (which: 'run' | 'last'): void => {
    const buttons = actions.current?.querySelectorAll('button')
    ;(which === 'run' ? buttons?.[0] : buttons?.[buttons.length - 1])?.focus()
  }
  return (
    <Section title={t('directory.run.title')} testId="directory-run-section">
      <p className="note">{t('directory.run.intro')}</p>
      <LastPreview plan={plan} />
      <div className="form-actions" ref={actions} aria-busy={busy !== null} data-testid="run-actions">
        <RunButtons onApprove={setConfirming} />
      </div>
      {confirming && plan && busy === null ? (
        <ApproveConfirm
          plan={plan}
          what={confirming}
          onCancel={() => {
            setConfirming(null)
            focusButton('last')
          }}
          onApprove={() => {
            setConfirming(null)
            focusButton('run')
            // The plan on screen is the preview the admin approves: the core runs only that plan.
            const approval =
              confirming === 'deletions' ? { approveDeletions: true } : { approveAdoptions: true }
            void run({ plan: plan.fingerprint, ...approval })
          }}
        />
      ) : null}
      {busy !== null ? <RunProgress progress={progress} /> : null}
      <div data-testid="plan-error">
        <ErrorBanner message={error} />
      </div>
      {summary ? <RunResult summary={summary} /> : null}
    </Section>
  )
}
