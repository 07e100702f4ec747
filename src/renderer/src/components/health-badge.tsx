import type { ReactNode } from 'react'
import type { HealthState } from '../../../shared/model/health'
import { useT } from '../i18n'
import './health-badge.css'

/** The state of anything in the health model, coloured the same on every screen. */
export function HealthBadge({ state }: { readonly state: HealthState }): ReactNode {
  const t = useT()
  return (
    <span className={`state health-${state}`} data-testid="health-state" data-state={state}>
      {t(`health.state.${state}`)}
    </span>
  )
}
