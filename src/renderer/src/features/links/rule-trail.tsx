import type { ReactNode } from 'react'
import type { RuleTrailStep } from '../../../../shared/model/sitelink-rules'
import { useLanguage, useT } from '../../i18n'

/** The rules looked at, lowest priority first; the deciding one highlighted (the answer to "why"). */
export function RuleTrail({
  title,
  steps,
  testId,
}: {
  readonly title: string
  readonly steps: readonly RuleTrailStep[]
  readonly testId: string
}): ReactNode {
  const t = useT()
  const language = useLanguage()
  return (
    <div className="rule-trail" data-testid={testId}>
      <h4>{title}</h4>
      {steps.length === 0 ? (
        <p className="muted">{t('links.preview.noTrail')}</p>
      ) : (
        <ol>
          {steps.map((step, i) => (
            <li
              key={`${step.ruleId}-${i}`}
              className={
                step.decisive
                  ? 'trail-step trail-decisive'
                  : step.matched
                    ? 'trail-step'
                    : 'trail-step trail-skipped'
              }
              data-testid={step.decisive ? `${testId}-decisive` : undefined}
              aria-current={step.decisive ? 'true' : undefined}
            >
              <span className="trail-label">{step.label[language]}</span>
              <span className="trail-mark">
                {step.decisive
                  ? t('links.preview.decisive')
                  : step.matched
                    ? t('links.preview.matched')
                    : t('links.preview.notMatched')}
              </span>
              <span className="muted trail-why">{step.why[language]}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
