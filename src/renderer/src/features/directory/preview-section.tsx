import type { ReactNode } from 'react'
import { Button } from '../../components/button'
import { ErrorBanner } from '../../components/messages'
import { Section } from '../../components/section'
import { useLanguage, useT } from '../../i18n'
import { useDirectoryStore } from '../../stores/directory-store'
import { PlanAccounts } from './plan-accounts'
import { PlanItemsTable } from './plan-items-table'
import { PlanSummary } from './plan-summary'
import { RunProgress } from './run-progress'
import { SourceNotices, SourceProblems } from './source-problems'

/** Disabled only without a source; while it works it stays enabled (the store ignores a second start). */
function PreviewButton(): ReactNode {
  const t = useT()
  const configured = useDirectoryStore((s) => (s.config ? s.config.source.kind !== 'none' : false))
  const { preview } = useDirectoryStore.getState()
  return (
    <>
      <Button primary disabled={!configured} testId="directory-preview" onClick={() => void preview()}>
        {t('directory.preview')}
      </Button>
      {!configured ? <span className="field-hint">{t('directory.preview.needsSource')}</span> : null}
    </>
  )
}

/** プレビュー: the dry run — every change at home and in the target, field by field — writing nothing. */
export function PreviewSection(): ReactNode {
  const t = useT()
  const language = useLanguage()
  const plan = useDirectoryStore((s) => s.plan)
  const busy = useDirectoryStore((s) => s.busy)
  const error = useDirectoryStore((s) => s.planError)
  const problems = useDirectoryStore((s) => s.planProblems)
  const progress = useDirectoryStore((s) => s.progress)
  return (
    <Section title={t('directory.previewTitle')} testId="directory-preview-section">
      <p className="note">{t('directory.preview.intro')}</p>
      <div className="form-actions" aria-busy={busy !== null} data-testid="preview-actions">
        <PreviewButton />
      </div>
      {busy !== null ? <RunProgress progress={progress} /> : null}
      <div data-testid="plan-error">
        <ErrorBanner message={error} />
      </div>
      {problems ? <SourceProblems report={problems} /> : null}
      {plan ? (
        <div data-testid="plan">
          {plan.blocked ? (
            <div className="rule-box" role="alert" data-testid="plan-blocked">
              <p>{plan.blocked[language]}</p>
            </div>
          ) : null}
          <SourceNotices notices={plan.sourceNotices} />
          <PlanSummary plan={plan} />
          <PlanAccounts plan={plan} />
          <PlanItemsTable plan={plan} />
        </div>
      ) : null}
    </Section>
  )
}
