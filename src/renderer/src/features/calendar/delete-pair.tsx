import type { ReactNode } from 'react'
import { useState } from 'react'
import { useT } from '../../i18n'
import { useCalendarStore } from '../../stores/calendar-store'

/** 「削除」 with a confirmation in place: the pair and its mapping go, copied events stay. */
export function DeletePair({ id, name }: { readonly id: string; readonly name: string }): ReactNode {
  const t = useT()
  const [confirming, setConfirming] = useState(false)
  const remove = useCalendarStore((s) => s.remove)
  const busy = useCalendarStore((s) => s.pending.has(id))
  if (!confirming) {
    return (
      <button
        type="button"
        className="button button-danger delete-pair"
        data-testid="pair-delete"
        onClick={() => setConfirming(true)}
      >
        {t('calendar.delete')}
      </button>
    )
  }
  return (
    <span
      className="confirm"
      role="group"
      aria-label={t('calendar.delete')}
      data-testid="pair-delete-confirm"
    >
      {t('calendar.delete.question', { name })}
      <button
        type="button"
        className="button button-small button-danger"
        disabled={busy}
        autoFocus
        onClick={() => void remove(id)}
      >
        {t('calendar.delete.confirm')}
      </button>
      <button type="button" className="button button-small" onClick={() => setConfirming(false)}>
        {t('settings.secrets.cancel')}
      </button>
    </span>
  )
}
