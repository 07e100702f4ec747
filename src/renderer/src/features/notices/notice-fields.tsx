import type { ReactNode } from 'react'

/** Rows of the notice forms' tables, beside the Links screen's `TextFieldRow`: a select, a number, a check, a text area. */
export function SelectRow<T extends string>(props: {
  readonly label: string
  readonly value: T
  readonly options: readonly (readonly [T, string])[]
  readonly testId: string
  readonly hint?: string
  readonly onChange: (value: T) => void
}): ReactNode {
  return (
    <tr>
      <th scope="row">
        <label htmlFor={props.testId}>{props.label}</label>
      </th>
      <td>
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
        {props.hint ? <div className="field-hint">{props.hint}</div> : null}
      </td>
    </tr>
  )
}

export function NumberRow(props: {
  readonly label: string
  readonly value: string
  readonly testId: string
  readonly hint?: string
  readonly min?: number
  readonly max?: number
  readonly onChange: (value: string) => void
}): ReactNode {
  return (
    <tr>
      <th scope="row">
        <label htmlFor={props.testId}>{props.label}</label>
      </th>
      <td>
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
        {props.hint ? <div className="field-hint">{props.hint}</div> : null}
      </td>
    </tr>
  )
}

export function CheckRow(props: {
  readonly label: string
  readonly text: string
  readonly checked: boolean
  readonly testId: string
  readonly onChange: (checked: boolean) => void
}): ReactNode {
  return (
    <tr>
      <th scope="row">{props.label}</th>
      <td>
        <label className="check-label">
          <input
            type="checkbox"
            checked={props.checked}
            data-testid={props.testId}
            onChange={(e) => props.onChange(e.target.checked)}
          />
          {props.text}
        </label>
      </td>
    </tr>
  )
}

export function TextAreaRow(props: {
  readonly label: string
  readonly value: string
  readonly testId: string
  readonly hint?: string
  readonly rows?: number
  readonly placeholder?: string
  readonly onChange: (value: string) => void
}): ReactNode {
  return (
    <tr>
      <th scope="row">
        <label htmlFor={props.testId}>{props.label}</label>
      </th>
      <td>
        <textarea
          id={props.testId}
          className="notice-textarea"
          rows={props.rows ?? 4}
          value={props.value}
          placeholder={props.placeholder}
          data-testid={props.testId}
          onChange={(e) => props.onChange(e.target.value)}
        />
        {props.hint ? <div className="field-hint notice-block-hint">{props.hint}</div> : null}
      </td>
    </tr>
  )
}
