import type { ReactNode } from 'react'
import { useT } from '../../i18n'

interface FieldCellsProps {
  /** The control's id; the label points at it. */
  readonly id: string
  readonly label: string
  readonly className?: string
  readonly children: ReactNode
}

/** One field of the form table: the label cell and the control cell (two fields share a row). */
export function FieldCells({ id, label, className, children }: FieldCellsProps): ReactNode {
  return (
    <>
      <th scope="row">
        <label htmlFor={id}>{label}</label>
      </th>
      <td className={className}>{children}</td>
    </>
  )
}

/** What every field of the filter form needs to be found by label and by test id. */
interface FieldProps {
  readonly id: string
  readonly label: string
  readonly testId: string
}

interface TextFieldProps extends FieldProps {
  readonly type?: 'text' | 'search'
  readonly maxLength: number
  readonly value: string
  readonly onChange: (value: string) => void
  /** Suggestions to pick from (any text is still allowed). */
  readonly suggestions?: readonly string[]
  /** A line under the field saying how it matches. */
  readonly hint?: string
}

/** A labelled one-line text field, optionally with a pick list of suggestions and a hint. */
export function TextField({
  id,
  label,
  testId,
  type = 'text',
  maxLength,
  value,
  onChange,
  suggestions,
  hint,
}: TextFieldProps): ReactNode {
  return (
    <FieldCells id={id} label={label}>
      <input
        id={id}
        data-testid={testId}
        type={type}
        maxLength={maxLength}
        value={value}
        autoComplete="off"
        {...(suggestions ? { list: `${id}-list` } : {})}
        {...(hint ? { 'aria-describedby': `${id}-hint` } : {})}
        onChange={(e) => onChange(e.target.value)}
      />
      {suggestions ? (
        <datalist id={`${id}-list`} data-testid={`${testId}-list`}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      ) : null}
      {hint ? (
        <span id={`${id}-hint`} className="field-hint site-hint">
          {hint}
        </span>
      ) : null}
    </FieldCells>
  )
}

interface EnumSelectProps<V extends string> extends FieldProps {
  readonly options: readonly V[]
  readonly optionLabel: (option: V) => string
  /** '' is "any": the filter leaves this field out. */
  readonly value: V | ''
  readonly onChange: (value: V | '') => void
}

/** A choice among a model's values, plus "any" first. */
export function EnumSelect<V extends string>({
  id,
  label,
  testId,
  options,
  optionLabel,
  value,
  onChange,
}: EnumSelectProps<V>): ReactNode {
  const t = useT()
  return (
    <FieldCells id={id} label={label}>
      <select
        id={id}
        data-testid={testId}
        value={value}
        // Safe: the only values on offer are '' and the options.
        onChange={(e) => onChange(e.target.value as V | '')}
      >
        <option value="">{t('history.any')}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)}
          </option>
        ))}
      </select>
    </FieldCells>
  )
}
