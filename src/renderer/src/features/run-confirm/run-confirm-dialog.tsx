import type { ReactNode } from 'react'
import { useEffect, useRef } from 'react'
import type { DirectoryPlan } from '../../../../shared/model/directory'
import { Button } from '../../components/button'
import { Busy, ErrorBanner } from '../../components/messages'
import { formatCount, useLanguage, useT, type MessageKey } from '../../i18n'
import { useDirectoryStore } from '../../stores/directory-store'
import { useNavigationStore } from '../../stores/navigation-store'
import { useRunConfirmStore } from '../../stores/run-confirm-store'
import './run-confirm.css'

/** The counts an admin weighs before a directory run: one line per kind of write. */
function counts(
  plan: DirectoryPlan,
): readonly { readonly key: string; readonly label: MessageKey; readonly count: number }[] {
  const both = (action: keyof DirectoryPlan['counts']['user']): number =>
    plan.counts.user[action] + plan.counts.group[action]
  return [
    { key: 'create', label: 'runConfirm.count.create', count: both('create') },
    { key: 'update', label: 'runConfirm.count.update', count: both('update') + both('reactivate') },
    { key: 'suspend', label: 'runConfirm.count.suspend', count: both('suspend') },
    { key: 'delete', label: 'runConfirm.count.delete', count: both('delete') },
    { key: 'adopt', label: 'runConfirm.count.adopt', count: plan.adoption.candidates },
  ]
}

function PlanCounts({ plan }: { readonly plan: DirectoryPlan }): ReactNode {
  const t = useT()
  const language = useLanguage()
  return (
    <>
      <p>{plan.hasTarget ? t('runConfirm.intro') : t('runConfirm.introNoTarget')}</p>
      <dl className="run-confirm-counts">
        <div data-testid="run-confirm-home">
          <dt>{t('runConfirm.home')}</dt>
          <dd>{formatCount(plan.homeChangesTotal)}</dd>
        </div>
        {plan.hasTarget
          ? counts(plan).map(({ key, label, count }) => (
              <div key={key} data-testid={`run-confirm-${key}`} className={count > 0 ? 'has-count' : ''}>
                <dt>{t(label)}</dt>
                <dd>{formatCount(count)}</dd>
              </div>
            ))
          : null}
      </dl>
      {plan.adoption.candidates > 0 ? <p className="muted">{t('runConfirm.adoptHint')}</p> : null}
      {plan.blocked ? (
        <div className="rule-box" role="alert" data-testid="run-confirm-blocked">
          <p>{plan.blocked[language]}</p>
          <p>{t('runConfirm.blockedHint')}</p>
        </div>
      ) : null}
    </>
  )
}

/** After the click: the run's progress, then its result in the core's words. */
function RunOutcome(): ReactNode {
  const t = useT()
  const language = useLanguage()
  const busy = useDirectoryStore((s) => s.busy === 'run')
  const summary = useDirectoryStore((s) => s.runSummary)
  const error = useDirectoryStore((s) => s.planError)
  if (busy) return <Busy label={t('runConfirm.running')} />
  if (error) return <ErrorBanner message={error} />
  if (!summary) return null
  const ok = summary.outcome === 'ok'
  return (
    <div
      className={`banner ${ok ? 'banner-info' : 'banner-error'}`}
      role={ok ? 'status' : 'alert'}
      data-testid="run-confirm-result"
    >
      <span>{summary.message[language]}</span>
    </div>
  )
}

/**
 * 「ディレクトリ同期を実行しますか？」: opened by 今すぐ実行 (Dashboard, Directory screen) and by "send now"
 * (here or in the tray). A modal <dialog>, so the focus stays inside and Esc cancels.
 */
export function RunConfirmDialog(): ReactNode {
  const t = useT()
  const ref = useRef<HTMLDialogElement>(null)
  const { open, plan, loading, error, confirmed } = useRunConfirmStore()
  const { confirm, close } = useRunConfirmStore.getState()
  const running = useDirectoryStore((s) => s.busy === 'run')
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])
  const showDetails = (): void => {
    close()
    useNavigationStore.getState().go('directory')
  }
  return (
    <dialog
      ref={ref}
      className="run-confirm"
      aria-labelledby="run-confirm-title"
      data-testid="run-confirm"
      // Esc: the browser closes the dialog; the store follows (a running run carries on).
      onClose={() => useRunConfirmStore.getState().open && close()}
    >
      <h2 id="run-confirm-title">{t(confirmed ? 'runConfirm.titleRun' : 'runConfirm.title')}</h2>
      {loading ? <Busy label={t('runConfirm.loading')} /> : null}
      <ErrorBanner message={error} />
      {plan ? <PlanCounts plan={plan} /> : null}
      {confirmed ? <RunOutcome /> : null}
      <div className="form-actions">
        {confirmed ? (
          <Button primary disabled={running} testId="run-confirm-close" onClick={close}>
            {t('runConfirm.close')}
          </Button>
        ) : (
          <>
            <button
              type="button"
              className="button button-danger"
              disabled={!plan || plan.blocked !== null}
              data-testid="run-confirm-run"
              onClick={() => void confirm()}
            >
              {t('runConfirm.run')}
            </button>
            <Button testId="run-confirm-cancel" onClick={close}>
              {t('settings.secrets.cancel')}
            </Button>
          </>
        )}
        <button type="button" className="button-link" data-testid="run-confirm-details" onClick={showDetails}>
          {t('runConfirm.details')}
        </button>
      </div>
    </dialog>
  )
}
