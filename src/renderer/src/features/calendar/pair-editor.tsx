import type { ReactNode } from 'react'
import { useEffect, useRef, useState } from 'react'
import type { CalendarPairConfig } from '../../../../shared/model/calendar-config'
import type { Localized } from '../../../../shared/model/localized'
import { Busy, ErrorBanner, Notice } from '../../components/messages'
import { useT } from '../../i18n'
import { api } from '../../lib/api'
import { toLocalized } from '../../lib/errors'
import type { CalendarView } from '../../stores/calendar-store'
import { useCalendarStore } from '../../stores/calendar-store'
import { newPairDraft, suggestNumber } from './pair-draft'
import { PairForm } from './pair-form'
import { PairHistory } from './pair-history'
import { PairStatusPanel } from './pair-status-panel'

type EditorView = Exclude<CalendarView, { readonly kind: 'list' }>

/** The saved settings of the pair being edited; null for a new pair (and while loading). */
function useSavedPair(view: EditorView) {
  const [config, setConfig] = useState<CalendarPairConfig | null>(null)
  const [error, setError] = useState<Localized | null>(null)
  const wanted = view.kind === 'edit' ? view.id : null
  useEffect(() => {
    // After "save" of a new pair the view becomes that pair's, whose settings are already here.
    if (wanted === null || config?.id === wanted) return
    let current = true
    api['calendar.pairs.get']({ id: wanted })
      .then((loaded) => {
        if (current) setConfig(loaded)
      })
      .catch((e: unknown) => {
        if (current) setError(toLocalized(e))
      })
    return () => {
      current = false
    }
  }, [wanted, config?.id])
  return { config, setConfig, error, loading: wanted !== null && config?.id !== wanted }
}

/** One user's calendar settings (seed 001 §2.3), reached from the name in the list or 「ユーザーを追加」. */
export function PairEditor({ view }: { readonly view: EditorView }): ReactNode {
  const t = useT()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const { config, setConfig, error, loading } = useSavedPair(view)
  const [dirty, setDirty] = useState(false)
  const status = useCalendarStore((s) => s.status)
  const listError = useCalendarStore((s) => s.listError)
  const listNotice = useCalendarStore((s) => s.listNotice)
  const { open, dismiss, forget } = useCalendarStore.getState()
  const pair = config ? status?.pairs.find((p) => p.id === config.id) : undefined
  const [fresh] = useState(() => newPairDraft(suggestNumber(status?.pairs.map((p) => p.number) ?? [])))

  useEffect(() => headingRef.current?.focus(), [])

  const back = (): void => open({ kind: 'list', focus: config?.id })
  const onSaved = (saved: CalendarPairConfig): void => {
    forget(saved.id)
    setConfig(saved)
    // The status panel and history need the pair's status; the event usually brings it first.
    void useCalendarStore.getState().loadStatus()
    if (view.kind === 'add') open({ kind: 'edit', id: saved.id })
  }
  const title = config ? t('calendar.pair.titleFor', { name: config.name }) : t('calendar.pair.titleNew')
  return (
    <div className="pair-editor" data-testid="pair-editor">
      <div className="editor-head">
        <button type="button" className="button-link" data-testid="calendar-back" onClick={back}>
          {t('calendar.backToList')}
        </button>
        <h2 className="editor-title" tabIndex={-1} ref={headingRef}>
          {title}
        </h2>
      </div>
      <ErrorBanner message={error ?? listError} onDismiss={dismiss} />
      <Notice message={listNotice} onDismiss={dismiss} />
      {loading ? (
        error ? null : (
          <Busy label={t('app.loading')} />
        )
      ) : (
        <>
          {pair ? <PairStatusPanel pair={pair} dirty={dirty} /> : null}
          <PairForm
            config={config}
            fresh={fresh}
            authorized={pair?.authorized ?? null}
            onSaved={onSaved}
            onDirtyChange={setDirty}
          />
          {pair ? (
            <PairHistory
              name={pair.name}
              version={`${pair.lastRunAt}:${pair.state}:${pair.running}:${pair.errorsInWindow}`}
            />
          ) : null}
        </>
      )}
    </div>
  )
}
