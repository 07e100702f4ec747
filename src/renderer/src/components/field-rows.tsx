import type { ReactNode } from 'react'

/**
 * Rows of a settings table (label in the header cell, the control and an optional hint beside it), found by
 * their test id, which is also the control's id. The Links, Notices and Rooms forms use them; the Directory
 * forms have their own rows, tied to per-field problems (directory-fields.tsx).
 */
function FieldRow(props: {
  readonly label: string
  /** The control's id: the label points at it. Absent for a checkbox that carries its own text. */
  readonly htmlFor?: string
  readonly hint?: string
  readonly hintClass?: string
  readonly children: ReactNode
}): ReactNode {
  return (
    <tr>
      <th scope="row">
        {props.htmlFor ? <label htmlFor={props.htmlFor}>{props.label}</label> : props.label}
      </th>
      <td>
        {props.children}
        {props.hint ? <div className={props.hintClass ?? 'field-hint'}>{props.hint}</div> : null}
      </td>
    </tr>
  )
}

interface RowProps<V> {
  readonly label: string
  readonly value: V
  readonly testId: string
  readonly hint?: string
  readonly onChange: (value: V) => void
}

export function TextFieldRow(
  props: RowProps<string> & { readonly placeholder?: string; readonly type?: 'text' | 'password' },
): ReactNode {
  return (
    <FieldRow label={props.label} htmlFor={props.testId} hint={props.hint}>
      <input
        id={props.testId}
        type={props.type ?? 'text'}
        className="path-input"
        value={props.value}
        placeholder={props.placeholder}
        data-testid={props.testId}
        autoComplete="off"
        onChange={(e) => props.onChange(e.target.value)}
      />
    </FieldRow>
  )
}

export function SelectRow<T extends string>(
  props: RowProps<T> & { readonly options: readonly (readonly [T, string])[] },
): ReactNode {
  return (
    <FieldRow label={props.label} htmlFor={props.testId} hint={props.hint}>
      <select
        id={props.testId}
        value={props.value}
        data-testid={props.testId}
        onChange={(e) => props.onChange(e.target.value as T)}
      >
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </FieldRow>
  )
}

export function NumberRow(
  props: RowProps<string> & { readonly min?: number; readonly max?: number },
): ReactNode {
  return (
    <FieldRow label={props.label} htmlFor={props.testId} hint={props.hint}>
      <input
        id={props.testId}
        type="number"
        className="number-input"
        min={props.min}
        max={props.max}
        value={props.value}
        data-testid={props.testId}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </FieldRow>
  )
}

export function CheckRow(
  props: Omit<RowProps<boolean>, 'value' | 'hint'> & { readonly text: string; readonly checked: boolean },
): ReactNode {
  return (
    <FieldRow label={props.label}>
      <label className="check-label">
        <input
          type="checkbox"
          checked={props.checked}
          data-testid={props.testId}
          onChange={(e) => props.onChange(e.target.checked)}
        />
        {props.text}
      </label>
    </FieldRow>
  )
}

export function TextAreaRow(
  props: RowProps<string> & { readonly rows?: number; readonly placeholder?: string },
): ReactNode {
  return (
    <FieldRow label={props.label} htmlFor={props.testId} hint={props.hint} hintClass="field-hint block-hint">
      <textarea
        id={props.testId}
        className="textarea-input"
        rows={props.rows ?? 4}
        value={props.value}
        placeholder={props.placeholder}
        data-testid={props.testId}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </FieldRow>
  )
}

/** An object's id: typed while it is new, then fixed (its records hang on it), shown as code. */
export function IdRow(
  props: RowProps<string> & { readonly fixed: boolean; readonly placeholder?: string },
): ReactNode {
  if (!props.fixed) return <TextFieldRow {...props} />
  return (
    <FieldRow label={props.label}>
      <code data-testid={`${props.testId}-fixed`}>{props.value}</code>
    </FieldRow>
  )
}
