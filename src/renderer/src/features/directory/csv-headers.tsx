import type { ReactNode } from 'react'
import { useState } from 'react'
import { requiredDepartmentFields, requiredUserFields } from '../../../../shared/model/csv-presets'
import type { CsvHeaders } from '../../../../shared/model/directory'
import type { Localized } from '../../../../shared/model/localized'
import { Button } from '../../components/button'
import { Busy } from '../../components/messages'
import { useLanguage, useT } from '../../i18n'
import { api } from '../../lib/api'
import { toLocalized } from '../../lib/errors'
import type { CsvDraft } from './config-draft'

type FileSide = 'users' | 'departments'
type Found = { readonly headers: CsvHeaders } | { readonly error: Localized }

export interface DetectedHeaders {
  readonly users: readonly string[] | null
  readonly departments: readonly string[] | null
}

async function probe(file: string, csv: CsvDraft, side: FileSide): Promise<Found> {
  const lookFor =
    side === 'users'
      ? requiredUserFields.map((f) => csv.users[f])
      : requiredDepartmentFields.map((f) => csv.departments[f])
  try {
    return { headers: await api['directory.csv.headers']({ file, encoding: csv.encoding, lookFor }) }
  } catch (error) {
    return { error: toLocalized(error) }
  }
}

/**
 * Reads the header line of both files (only their first lines) so the mapping tables can offer the
 * real column names instead of free text. Uses the paths as typed, saved or not.
 */
export function useCsvHeaders(csv: CsvDraft) {
  const [found, setFound] = useState<Partial<Record<FileSide, Found>>>({})
  const [loading, setLoading] = useState(false)
  const load = async (): Promise<void> => {
    if (loading) return
    setLoading(true)
    const [users, departments] = await Promise.all([
      csv.usersFile.trim() === '' ? undefined : probe(csv.usersFile.trim(), csv, 'users'),
      csv.departmentsFile.trim() === '' ? undefined : probe(csv.departmentsFile.trim(), csv, 'departments'),
    ])
    setFound({ users, departments })
    setLoading(false)
  }
  const names = (side: FileSide): readonly string[] | null => {
    const f = found[side]
    return f && 'headers' in f ? f.headers.headers : null
  }
  const detected: DetectedHeaders = { users: names('users'), departments: names('departments') }
  return { found, loading, load, detected }
}

/** The button and what it found per file: column count, encoding and line, or why it could not read. */
export function CsvHeadersLoader({ view }: { readonly view: ReturnType<typeof useCsvHeaders> }): ReactNode {
  const t = useT()
  const language = useLanguage()
  const line = (side: FileSide): ReactNode => {
    const f = view.found[side]
    if (!f) return null
    const label = t(side === 'users' ? 'directory.csv.usersFile' : 'directory.csv.departmentsFile')
    if ('error' in f) {
      return (
        <li className="field-error" data-testid={`headers-${side}`}>
          {label}: {f.error[language]}
        </li>
      )
    }
    const { headers, encoding, line: at } = f.headers
    const params = {
      count: headers.length,
      encoding: encoding === 'utf-8' ? 'UTF-8' : 'Shift_JIS',
      line: at ?? '-',
    }
    return (
      <li data-testid={`headers-${side}`}>
        {label}: {t('directory.csv.headersFound', params)}
      </li>
    )
  }
  return (
    <div className="csv-headers" aria-live="polite">
      <div className="form-actions">
        <Button testId="load-headers" onClick={() => void view.load()}>
          {t('directory.csv.loadHeaders')}
        </Button>
        {view.loading ? <Busy label={t('directory.csv.loadingHeaders')} /> : null}
        <span className="field-hint">{t('directory.csv.loadHeadersHint')}</span>
      </div>
      <ul className="headers-found">
        {line('users')}
        {line('departments')}
      </ul>
    </div>
  )
}
