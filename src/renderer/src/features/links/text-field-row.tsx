import type { ReactNode } from 'react'

/** One labelled text input of a settings table (label, input, optional hint), as the Links forms use it. */
export function TextFieldRow(props: {
  readonly label: string
  readonly value: string
  readonly testId: string
  readonly hint?: string
  readonly placeholder?: string
  readonly type?: 'text' | 'password'
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
          type={props.type ?? 'text'}
          className="path-input"
          value={props.value}
          placeholder={props.placeholder}
          data-testid={props.testId}
          autoComplete="off"
          onChange={(e) => props.onChange(e.target.value)}
        />
        {props.hint ? <div className="field-hint">{props.hint}</div> : null}
      </td>
    </tr>
  )
}
