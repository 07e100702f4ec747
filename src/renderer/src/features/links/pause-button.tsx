import type { ReactNode } from 'react'
import type { LinkSummary } from '../../../../shared/model/sitelink'
import { useT } from '../../i18n'
import { useLinksStore } from '../../stores/links-store'
import { siteDisplayName } from './link-labels'

/** 一時停止 / 再開: this site only, on a linked link (seed: shown at the home site). */
export function PauseButton({
  link,
  small = false,
}: {
  readonly link: LinkSummary
  readonly small?: boolean
}): ReactNode {
  const t = useT()
  const busy = useLinksStore((s) => s.busy)
  const act = useLinksStore((s) => s.act)
  if (link.state !== 'linked') return null
  const action = link.paused ? 'resume' : 'pause'
  const label = t(link.paused ? 'links.action.resume' : 'links.action.pause')
  return (
    <button
      type="button"
      className={small ? 'button button-small' : 'button'}
      disabled={busy}
      data-testid={`link-${action}`}
      aria-label={small ? `${label} ${siteDisplayName(link.partner)}` : undefined}
      onClick={() => void act(link.id, action)}
    >
      {label}
    </button>
  )
}
