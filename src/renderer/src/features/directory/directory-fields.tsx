import type { ReactNode } from 'react'
import { createContext, useContext, useId } from 'react'
import { useT } from '../../i18n'
import type { DraftErrors, FieldError } from './draft-to-config'

/** Field problems of the last save attempt, by path; every row finds its own. */
export const FieldErrorsContext = createContext<DraftErrors>(new Map())

/** The control's id for a draft path, so "focus the first problem" can find it. */
export function fieldId(path: string): string {
  return `dir-${path.replace(/\./g, '-')}`
}

/** aria-describedby for a control: its hint and its error, when there are any. */
function describedBy(id: string, hint: boolean, error: FieldError | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean)
  return ids.length > 0 ? ids.join(' ') : undefined
}

interface RowFrameProps {
  readonly path: string
  readonly label: string
  readonly hint?: string
  /** When the header is not the control's label (radio groups, a checkbox with its own text beside it). */
  readonly group?: boolean
  readonly children: ReactNode
}

/** One labelled row of a form table, with its hint and its problem under the control. */
function RowFrame({ path, label, hint, group = false, children }: RowFrameProps): ReactNode {
  const t = useT()
  const id = fieldId(path)
  const error = useContext(FieldErrorsContext).get(path)
  return (
    <tr>
      <th scope="row" id={group ? `${id}-label` : undefined}>
        {group ? label : <label htmlFor={id}>{label}</label>}
      </th>
      <td>
        {children}
        {hint ? (
          <span id={`${id}-hint`} className="field-hint">
            {hint}
          </span>
        ) : null}
        {error ? (
          <div id={`${id}-error`} className="field-error" data-testid="field-error">
            {t(error.key, error.params)}
          </div>
        ) : null}
      </td>
    </tr>
  )
}

/** What every row takes: where its value lives in the draft, its label and an optional hint. */
interface RowProps {
  readonly path: string
  readonly label: string
  readonly hint?: string
}

function useControlProps(path: string, hint: string | undefined) {
  const id = fieldId(path)
  const error = useContext(FieldErrorsContext).get(path)
  return { id, 'aria-invalid': error !== undefined, 'aria-describedby': describedBy(id, !!hint, error) }
}

interface TextRowProps extends RowProps {
  readonly value: string
  readonly onChange: (value: string) => void
  readonly size?: 'wide' | 'short' | 'normal'
  readonly placeholder?: string
  readonly maxLength?: number
  readonly inputMode?: 'numeric' | 'text'
}

const sizeClass = { wide: 'path-input', short: 'short-input', normal: undefined } as const

export function TextRow({
  path,
  label,
  hint,
  value,
  onChange,
  size = 'normal',
  placeholder,
  maxLength = 1000,
  inputMode,
}: TextRowProps): ReactNode {
  const control = useControlProps(path, hint)
  return (
    <RowFrame path={path} label={label} hint={hint}>
      <input
        {...control}
        type="text"
        className={sizeClass[size]}
        spellCheck={false}
        autoComplete="off"
        placeholder={placeholder}
        maxLength={maxLength}
        inputMode={inputMode}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </RowFrame>
  )
}

interface NumberRowProps extends RowProps {
  readonly value: string
  readonly onChange: (value: string) => void
  readonly min: number
  readonly max: number
  readonly step?: number
  /** Shown after the field: 人, %, 日. */
  readonly unit?: string
}

export function NumberRow({
  path,
  label,
  hint,
  value,
  onChange,
  min,
  max,
  step = 1,
  unit,
}: NumberRowProps): ReactNode {
  const control = useControlProps(path, hint)
  return (
    <RowFrame path={path} label={label} hint={hint}>
      <input
        {...control}
        type="number"
        className="number-input"
        min={min}
        max={max}
        step={step}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      {unit ? <span className="unit">{unit}</span> : null}
    </RowFrame>
  )
}

export interface Option<V extends string> {
  readonly value: V
  readonly label: string
}

interface ChoiceRowProps<V extends string> extends RowProps {
  readonly options: readonly Option<V>[]
  readonly value: V
  readonly onChange: (value: V) => void
}

export function SelectRow<V extends string>({
  path,
  label,
  hint,
  options,
  value,
  onChange,
}: ChoiceRowProps<V>): ReactNode {
  const control = useControlProps(path, hint)
  return (
    <RowFrame path={path} label={label} hint={hint}>
      {/* Safe cast: the only values on offer are the options. */}
      <select {...control} value={value} onChange={(e) => onChange(e.target.value as V)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </RowFrame>
  )
}

/** Radio buttons in one row; arrow keys move between them, the first one carries the row's id. */
export function RadioRow<V extends string>({
  path,
  label,
  hint,
  options,
  value,
  onChange,
}: ChoiceRowProps<V>): ReactNode {
  const id = fieldId(path)
  const name = useId()
  return (
    <RowFrame path={path} label={label} hint={hint} group>
      <div
        role="radiogroup"
        aria-labelledby={`${id}-label`}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className="radio-group radio-inline"
      >
        {options.map((o, i) => (
          <label key={o.value}>
            <input
              id={i === 0 ? id : undefined}
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
            />
            {o.label}
          </label>
        ))}
      </div>
    </RowFrame>
  )
}

interface CheckboxRowProps extends RowProps {
  readonly checked: boolean
  readonly onChange: (checked: boolean) => void
  /** Text beside the box (the row's label stays in the header cell). */
  readonly text: string
  readonly children?: ReactNode
}

export function CheckboxRow({
  path,
  label,
  hint,
  checked,
  onChange,
  text,
  children,
}: CheckboxRowProps): ReactNode {
  const control = useControlProps(path, hint)
  return (
    <RowFrame path={path} label={label} hint={hint} group>
      <label className="check-label">
        <input {...control} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
        {text}
      </label>
      {children}
    </RowFrame>
  )
}

interface TextAreaRowProps extends RowProps {
  readonly value: string
  readonly onChange: (value: string) => void
  readonly placeholder?: string
}

/** A list typed one entry per line (exclusion rules). */
export function TextAreaRow({
  path,
  label,
  hint,
  value,
  onChange,
  placeholder,
}: TextAreaRowProps): ReactNode {
  const control = useControlProps(path, hint)
  return (
    <RowFrame path={path} label={label} hint={hint}>
      <textarea
        {...control}
        className="path-input"
        rows={3}
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
      />
    </RowFrame>
  )
}

interface CheckboxGroupRowProps<V extends string> extends RowProps {
  readonly options: readonly { readonly value: V; readonly label: string }[]
  readonly value: readonly V[]
  readonly onChange: (value: V[]) => void
}

/** Several independent choices under one header (the options keep their order whatever is ticked). */
export function CheckboxGroupRow<V extends string>({
  path,
  label,
  hint,
  options,
  value,
  onChange,
}: CheckboxGroupRowProps<V>): ReactNode {
  const control = useControlProps(path, hint)
  const toggle = (option: V, on: boolean): void =>
    onChange(options.map((o) => o.value).filter((v) => (v === option ? on : value.includes(v))))
  return (
    <RowFrame path={path} label={label} hint={hint} group>
      <div
        role="group"
        aria-labelledby={`${control.id}-label`}
        aria-describedby={control['aria-describedby']}
      >
        {options.map((option, i) => (
          <label key={option.value} className="check-label">
            <input
              id={i === 0 ? control.id : undefined}
              type="checkbox"
              checked={value.includes(option.value)}
              onChange={(e) => toggle(option.value, e.target.checked)}
            />
            {option.label}
          </label>
        ))}
      </div>
    </RowFrame>
  )
}
