import type { ReactNode } from 'react'
import type { LinkSummary } from '../../../../shared/model/sitelink'
import { useT } from '../../i18n'
import { useLinksStore } from '../../stores/links-store'
import { siteDisplayName } from './link-labels'

/**
 * 「今すぐ送信」 (seed すぐに送信: do not wait for the planned time) and, while a send is on the way,
 * 「クリア」 (seed: a send that stopped half way; planned data goes again at the next timing).
 */
export function SendControls({ link }: { readonly link: LinkSummary }): ReactNode {
  const t = useT()
  const busy = useLinksStore((s) => s.busy)
  const { sendNow, clear } = useLinksStore.getState()
  if (link.state !== 'linked' || link.paused) return null
  const name = siteDisplayName(link.partner)
  return (
    <>
      <button
        type="button"
        className="button button-small"
        disabled={busy || link.sending}
        data-testid="link-send-now"
        aria-label={t('links.send.nowFor', { name })}
        onClick={() => void sendNow(link.id)}
      >
        {t('links.send.now')}
      </button>
      {link.sending ? (
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          data-testid="link-clear"
          aria-label={t('links.send.clearFor', { name })}
          onClick={() => void clear(link.id)}
        >
          {t('links.send.clear')}
        </button>
      ) : null}
    </>
  )
}
