import type { ReactNode } from 'react'
import { useId } from 'react'

interface SectionProps {
  readonly title: string
  /** Buttons shown at the right end of the header band. */
  readonly actions?: ReactNode
  readonly children: ReactNode
  readonly testId?: string
}

/** A titled block with the blue-grey header band of groupware admin screens. */
export function Section({ title, actions, children, testId }: SectionProps): ReactNode {
  const id = useId()
  return (
    <section className="section" aria-labelledby={id} data-testid={testId}>
      <div className="section-band">
        <h2 id={id}>{title}</h2>
        {actions ? <div className="section-actions">{actions}</div> : null}
      </div>
      <div className="section-body">{children}</div>
    </section>
  )
}
