import type { FormEvent, ReactNode } from 'react'
import { useEffect, useId, useRef, useState } from 'react'
import type { Localized } from '../../../shared/model/localized'
import { toLocalized } from '../lib/errors'
import { Busy, ErrorBanner } from './messages'

export interface ModalDialogProps {
  readonly title: ReactNode
  readonly testId: string
  /** Added to `rule-dialog` (the shared look). */
  readonly className?: string
  /** Called once the dialog has closed, by Esc, a button or `close`. */
  readonly onClose: () => void
  /** The body; `close` ends the dialog the way Esc does. */
  readonly children: (close: () => void) => ReactNode
}

/** A modal <dialog> opened when it mounts: the focus stays inside it and Esc cancels. */
export function ModalDialog(props: ModalDialogProps): ReactNode {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    if (ref.current && !ref.current.open) ref.current.showModal()
  }, [])
  return (
    <dialog
      ref={ref}
      className={props.className ? `rule-dialog ${props.className}` : 'rule-dialog'}
      aria-labelledby={titleId}
      data-testid={props.testId}
      onClose={props.onClose}
    >
      <h2 id={titleId}>{props.title}</h2>
      {props.children(() => ref.current?.close())}
    </dialog>
  )
}

export interface FormDialogProps extends Omit<ModalDialogProps, 'children'> {
  /** The form's rows (`components/field-rows`), in a settings table. */
  readonly rows: ReactNode
  /** Added to the table's `form-table`. */
  readonly tableClassName?: string
  /** Shown under the table, above a refusal (a secret to copy, say). */
  readonly below?: ReactNode
  /** Saves; a refusal stays in the dialog in ja/en, success closes it. */
  readonly save: () => Promise<void>
  readonly saveTestId: string
  readonly labels: { readonly save: string; readonly cancel: string; readonly saving: string }
}

/** A modal form: rows, 「保存」 and 「キャンセル」, progress while saving, the refusal kept in the dialog. */
export function FormDialog(props: FormDialogProps): ReactNode {
  const { rows, tableClassName, below, save, saveTestId, labels, ...dialog } = props
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<Localized | null>(null)
  return (
    <ModalDialog {...dialog}>
      {(close) => {
        const submit = (event: FormEvent): void => {
          event.preventDefault()
          setSaving(true)
          setError(null)
          save()
            .then(close)
            .catch((caught: unknown) => setError(toLocalized(caught)))
            .finally(() => setSaving(false))
        }
        return (
          <form noValidate onSubmit={submit}>
            <table className={tableClassName ? `form-table ${tableClassName}` : 'form-table'}>
              <tbody>{rows}</tbody>
            </table>
            {below}
            <ErrorBanner message={error} />
            <div className="form-actions">
              <button
                type="submit"
                className="button button-primary"
                disabled={saving}
                data-testid={saveTestId}
              >
                {labels.save}
              </button>
              <button type="button" className="button" disabled={saving} onClick={close}>
                {labels.cancel}
              </button>
              {saving ? <Busy label={labels.saving} /> : null}
            </div>
          </form>
        )
      }}
    </ModalDialog>
  )
}
