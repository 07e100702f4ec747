import type { ReactNode } from 'react'
import { useContext, useEffect, useState } from 'react'
import { useT } from '../../i18n'
import { FieldErrorsContext, fieldId } from './directory-fields'

interface MappingTableProps<K extends string> {
  /** Draft path of the record: 'csv.users', 'sourceLdap.attributes'... */
  readonly path: string
  readonly title: string
  /** Header of the value column: "CSV の見出し" or "LDAP 属性". */
  readonly valueHeader: string
  readonly labels: Readonly<Record<K, string>>
  readonly values: Readonly<Record<K, string>>
  readonly defaults: Readonly<Record<K, string>>
  readonly onChange: (key: K, value: string) => void
  /** Column names read from the file: offered in a list, and a value the file lacks is pointed out. */
  readonly suggestions?: readonly string[] | null
}

/**
 * Which column (or attribute) holds each home-directory field. Folded by default — the defaults match
 * the groupware's export — and unfolded by itself when one of its fields has a problem.
 */
export function MappingTable<K extends string>({
  path,
  title,
  valueHeader,
  labels,
  values,
  defaults,
  onChange,
  suggestions = null,
}: MappingTableProps<K>): ReactNode {
  const t = useT()
  const errors = useContext(FieldErrorsContext)
  const [open, setOpen] = useState(false)
  // Headers were just read from the file: show the table they are for.
  useEffect(() => {
    if (suggestions) setOpen(true)
  }, [suggestions])
  const keys = Object.keys(labels) as K[]
  const hasError = keys.some((key) => errors.has(`${path}.${key}`))
  const shown = open || hasError
  const bodyId = `${fieldId(path)}-table`
  const listId = suggestions ? `${fieldId(path)}-headers` : undefined
  const known = new Set(suggestions ?? [])
  return (
    <div className="mapping">
      <button
        type="button"
        className="disclosure-text"
        aria-expanded={shown}
        aria-controls={bodyId}
        onClick={() => setOpen(!shown)}
      >
        <span aria-hidden="true">{shown ? '▼' : '▶'}</span> {title}
      </button>
      {shown ? (
        <table className="grid mapping-table" id={bodyId}>
          <thead>
            <tr>
              <th scope="col">{t('directory.mapping.field')}</th>
              <th scope="col">{valueHeader}</th>
              <th scope="col">{t('directory.mapping.default')}</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => {
              const id = fieldId(`${path}.${key}`)
              const error = errors.get(`${path}.${key}`)
              const value = values[key].trim()
              const notInFile = suggestions !== null && value !== '' && !known.has(value)
              return (
                <tr key={key}>
                  <th scope="row">
                    <label htmlFor={id}>{labels[key]}</label>
                  </th>
                  <td>
                    <input
                      id={id}
                      type="text"
                      spellCheck={false}
                      maxLength={200}
                      list={listId}
                      value={values[key]}
                      aria-invalid={error !== undefined}
                      aria-describedby={
                        [error ? `${id}-error` : '', notInFile ? `${id}-missing` : ''].join(' ').trim() ||
                        undefined
                      }
                      onChange={(e) => onChange(key, e.target.value)}
                    />
                    {error ? (
                      <div id={`${id}-error`} className="field-error" data-testid="field-error">
                        {t(error.key, error.params)}
                      </div>
                    ) : null}
                    {notInFile ? (
                      <div id={`${id}-missing`} className="field-hint" data-testid="not-in-file">
                        {t('directory.mapping.notInFile')}
                      </div>
                    ) : null}
                  </td>
                  <td className="muted">{defaults[key] || t('directory.mapping.none')}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      ) : null}
      {listId ? (
        <datalist id={listId}>
          {suggestions?.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      ) : null}
    </div>
  )
}
