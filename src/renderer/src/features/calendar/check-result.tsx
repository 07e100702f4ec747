import type { ReactNode } from 'react'
import type { CalendarCheckResult, CalendarCheckStep } from '../../../../shared/model/calendar'
import { useLanguage, useT } from '../../i18n'

const marks = { ok: '✓', ng: '✗', skipped: '–' } as const

function markOf(step: CalendarCheckStep): keyof typeof marks {
  return step.ok === null ? 'skipped' : step.ok ? 'ok' : 'ng'
}

function StepRow({ step }: { readonly step: CalendarCheckStep }): ReactNode {
  const t = useT()
  const language = useLanguage()
  const mark = markOf(step)
  return (
    <li
      className={`check-step check-step-${mark}`}
      data-testid="check-step"
      data-step={step.id}
      data-mark={mark}
    >
      <span className="check-step-mark" aria-hidden="true">
        {marks[mark]}
      </span>
      <div className="check-step-body">
        <div>
          <span className="check-step-name">{t(`calendar.check.step.${step.id}`)}</span>
          <span className="sr-only"> {t(`calendar.check.${mark}`)}</span>
          <span className="check-step-message">{step.message[language]}</span>
        </div>
        {step.fix ? (
          <div className="check-step-fix" data-testid="check-fix">
            <strong>{t('calendar.check.fix')}</strong> {step.fix[language]}
          </div>
        ) : null}
        {step.serverAnswer ? (
          <details className="check-detail">
            <summary>{t('calendar.check.serverAnswer')}</summary>
            <pre className="detail-json">{step.serverAnswer}</pre>
          </details>
        ) : null}
      </div>
    </li>
  )
}

/** The diagnostics step by step: ✓ passed, ✗ failed (with what to change), – not checked. */
export function CheckResult({ result }: { readonly result: CalendarCheckResult }): ReactNode {
  const t = useT()
  // Nothing failed, but a step could not be compared: "every step passed" would overstate it.
  const summary = !result.ok
    ? 'calendar.check.failed'
    : result.steps.some((step) => step.ok === null)
      ? 'calendar.check.okWithUnchecked'
      : 'calendar.check.allOk'
  return (
    <div
      className={result.ok ? 'check-result check-ok calendar-check' : 'check-result check-ng calendar-check'}
      role={result.ok ? 'status' : 'alert'}
      data-testid="check-result"
    >
      <span className="check-mark">{t(result.ok ? 'directory.check.ok' : 'directory.check.ng')}</span>
      <span data-testid="check-summary">{t(summary)}</span>
      <ol className="check-steps">
        {result.steps.map((step) => (
          <StepRow key={step.id} step={step} />
        ))}
      </ol>
    </div>
  )
}
