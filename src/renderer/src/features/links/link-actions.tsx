import type { ReactNode } from 'react'
import { useState } from 'react'
import type { LinkDetail } from '../../../../shared/model/sitelink'
import { useLanguage, useT, type MessageKey } from '../../i18n'
import { formatDateTimeWithWeekday } from '../../lib/format'
import { useLinksStore } from '../../stores/links-store'
import { PauseButton } from './pause-button'

type Confirmable = 'unlink' | 'relink'

const confirmText: Readonly<Record<Confirmable, MessageKey>> = {
  unlink: 'links.confirm.unlink',
  relink: 'links.confirm.relink',
}

/** リンク解除 and 再リンク ask first, saying what they do to the data (seed リンク一覧). */
function ConfirmBox({
  id,
  action,
  onClose,
}: {
  readonly id: string
  readonly action: Confirmable
  readonly onClose: () => void
}): ReactNode {
  const t = useT()
  const busy = useLinksStore((s) => s.busy)
  const go = (): void => {
    onClose()
    const store = useLinksStore.getState()
    void (action === 'unlink' ? store.act(id, 'unlink') : store.send(id, 'relink'))
  }
  return (
    <div
      className="confirm-box"
      role="alertdialog"
      aria-label={t(`links.action.${action}`)}
      data-testid={`confirm-${action}`}
    >
      <p>{t(confirmText[action])}</p>
      <button type="button" className="button button-danger" autoFocus disabled={busy} onClick={go}>
        {t(`links.action.${action}`)}
      </button>
      <button type="button" className="button" onClick={onClose}>
        {t('links.cancel')}
      </button>
    </div>
  )
}

/**
 * The buttons the seed shows for this state and role: the requester starts or rejects a pending link
 * (the acceptor never sees those, and may only unlink it); a linked link pauses, relinks or unlinks.
 */
export function LinkActions({ detail }: { readonly detail: LinkDetail }): ReactNode {
  const t = useT()
  const busy = useLinksStore((s) => s.busy)
  const [confirming, setConfirming] = useState<Confirmable | null>(null)
  const { summary } = detail
  const { id, state, role } = summary
  const store = useLinksStore.getState()
  const button = (label: MessageKey, testId: string, onClick: () => void, danger = false): ReactNode => (
    <button
      type="button"
      className={danger ? 'button button-danger' : 'button'}
      disabled={busy}
      data-testid={testId}
      onClick={onClick}
    >
      {t(label)}
    </button>
  )
  return (
    <div className="link-actions">
      <div className="form-actions">
        {state === 'pending' && role === 'requester' ? (
          <>
            {button('links.action.start', 'link-start', () => void store.send(id, 'start'))}
            {button('links.action.reject', 'link-reject', () => void store.act(id, 'reject'), true)}
          </>
        ) : null}
        <PauseButton link={summary} />
        {state === 'linked' && !summary.paused
          ? button('links.action.relink', 'link-relink', () => setConfirming('relink'))
          : null}
        {state === 'linked' || (state === 'pending' && role === 'acceptor')
          ? button('links.action.unlink', 'link-unlink', () => setConfirming('unlink'), true)
          : null}
      </div>
      {confirming ? <ConfirmBox id={id} action={confirming} onClose={() => setConfirming(null)} /> : null}
    </div>
  )
}

/** Peak hours (8:30–9:30, 17:30–18:30): go on anyway, or send tonight instead. */
export function PeakQuestionBox({ id }: { readonly id: string }): ReactNode {
  const t = useT()
  const language = useLanguage()
  const peak = useLinksStore((s) => (s.peak?.id === id ? s.peak : null))
  const busy = useLinksStore((s) => s.busy)
  if (!peak) return null
  const { send } = useLinksStore.getState()
  return (
    <div className="banner banner-warning" role="alert" data-testid="peak-question">
      <span>{peak.warning[language]}</span>
      <button
        type="button"
        className="button button-small"
        disabled={busy}
        onClick={() => void send(id, peak.action, 'sendTonight')}
      >
        {t('links.peak.tonight', { at: formatDateTimeWithWeekday(peak.tonightAt, language) })}
      </button>
      <button
        type="button"
        className="button button-small"
        disabled={busy}
        onClick={() => void send(id, peak.action, 'confirmPeak')}
      >
        {t('links.peak.now')}
      </button>
    </div>
  )
}
