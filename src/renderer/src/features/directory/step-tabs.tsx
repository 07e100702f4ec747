import type { ReactNode } from 'react'
import type { MessageKey } from '../../i18n'
import { useT } from '../../i18n'
import type { DirectoryStep } from '../../lib/routes'
import { directorySteps, routeHash } from '../../lib/routes'

const stepLabels: Readonly<Record<DirectoryStep, MessageKey>> = {
  source: 'directory.step.source',
  target: 'directory.step.target',
  schedule: 'directory.step.schedule',
  preview: 'directory.step.preview',
  run: 'directory.step.run',
}

export function stepHref(step: DirectoryStep): string {
  return routeHash({ screen: 'directory', step })
}

interface StepTabsProps {
  readonly current: DirectoryStep
  /** Steps whose fields a refused save marked: a save covers all three form steps at once. */
  readonly problems: ReadonlySet<DirectoryStep>
}

/**
 * The five steps as plain links to their own URLs (`#/directory/preview`): Tab reaches each, Enter opens
 * it, Back returns to the previous one; the current one says so to screen readers (aria-current="step").
 */
export function StepTabs({ current, problems }: StepTabsProps): ReactNode {
  const t = useT()
  return (
    <nav className="step-tabs" aria-label={t('directory.step.label')} data-testid="directory-steps">
      <ol>
        {directorySteps.map((step, index) => (
          <li key={step}>
            <a
              href={stepHref(step)}
              className="step-tab"
              aria-current={step === current ? 'step' : undefined}
              data-testid={`step-${step}`}
            >
              <span className="step-number" aria-hidden="true">
                {index + 1}
              </span>
              {t(stepLabels[step])}
              {problems.has(step) ? (
                <span className="step-problem" data-testid="step-problem">
                  <span aria-hidden="true">⚠</span>
                  <span className="sr-only">{t('directory.step.hasProblems')}</span>
                </span>
              ) : null}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  )
}

/** "← ソース" and "反映先 →" under a step, so the steps can be walked in order without scrolling back up. */
export function StepFooter({ current }: { readonly current: DirectoryStep }): ReactNode {
  const t = useT()
  const index = directorySteps.indexOf(current)
  const previous = directorySteps[index - 1]
  const next = directorySteps[index + 1]
  return (
    <div className="step-footer">
      {previous ? (
        <a href={stepHref(previous)} className="button" data-testid="step-previous">
          {t('directory.step.previous', { step: t(stepLabels[previous]) })}
        </a>
      ) : null}
      {next ? (
        <a href={stepHref(next)} className="button" data-testid="step-next">
          {t('directory.step.next', { step: t(stepLabels[next]) })}
        </a>
      ) : null}
    </div>
  )
}
