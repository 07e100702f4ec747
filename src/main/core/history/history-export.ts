import { stringify } from 'csv-stringify/sync'
import type { HistoryExport, HistoryFilter } from '../../../shared/api'
import { ApiError } from '../../../shared/model/errors'
import { maxCsvExportRows } from '../../../shared/model/history'
import type { Language } from '../../../shared/model/localized'
import type { HistoryRepository } from './history-repository'
import { csvHeaders, csvRow, formatLocalTime, jsonlLine } from './history-format'

const bom = '\uFEFF'

/** The seed's rule, with the number that matched, so the admin knows how far to narrow. */
export function tooManyRowsError(matched: number, atLeast: boolean): ApiError {
  const n = matched.toLocaleString('en-US')
  const limit = maxCsvExportRows.toLocaleString('en-US')
  const jaCount = atLeast ? `${limit}件を超える` : `${n}件の`
  const enCount = atLeast ? `More than ${limit}` : `${n}`
  return new ApiError(
    'too-many-rows',
    {
      ja: `条件に一致するログが${jaCount}ため出力できません。ログは${limit}件まで一度に出力できます。検索条件を調整し、出力対象が${limit}件以下になるようにしてください。`,
      en: `${enCount} entries match, so they cannot be exported. At most ${limit} entries can be exported at once: narrow the conditions (site, direction, category, level, period, text) until ${limit} or fewer match.`,
    },
    { matched, atLeast, limit: maxCsvExportRows },
  )
}

/**
 * Refuses before writing anything when more than 10,000 entries match. Counts exactly (not capped)
 * so the message names the real number; the count runs on the same indexes as the search.
 */
export function assertExportable(
  history: HistoryRepository,
  filter: HistoryFilter,
  throughId?: number,
): void {
  const capped = history.countCapped(filter, maxCsvExportRows, throughId)
  if (capped.atLeast) throw tooManyRowsError(history.countAll(filter, capped.throughId), false)
}

/** File-name stamp from the same local time the CSV shows: 2026/11/23 09:05:00 -> 20261123-090500. */
function stamp(now: number): string {
  return formatLocalTime(now).replace(/[/:]/g, '').replace(' ', '-')
}

/**
 * CSV as Excel opens Japanese text: UTF-8 with BOM, CRLF line ends. JSON Lines for archives.
 * Both go through the 10,000 rule here because the whole file travels as one API answer.
 * `throughId` (from the count the screen showed) leaves out entries written since — the export's own
 * audit line among them — so the file holds exactly the entries counted; `rows` is what was written.
 */
export function exportHistory(
  history: HistoryRepository,
  filter: HistoryFilter,
  format: 'csv' | 'jsonl',
  language: Language,
  now: number,
  throughId?: number,
): HistoryExport {
  assertExportable(history, filter, throughId)
  const entries = history.iterate(filter, maxCsvExportRows, throughId)
  if (format === 'jsonl') {
    const lines: string[] = []
    for (const entry of entries) lines.push(jsonlLine(entry))
    return {
      fileName: `renkei-history-${stamp(now)}.jsonl`,
      mimeType: 'application/x-ndjson',
      content: lines.length ? `${lines.join('\n')}\n` : '',
      rows: lines.length,
    }
  }
  const records: string[][] = [[...csvHeaders[language]]]
  for (const entry of entries) records.push(csvRow(entry, language))
  return {
    fileName: `renkei-history-${stamp(now)}.csv`,
    mimeType: 'text/csv;charset=utf-8',
    // A lone CR or LF inside a field must be quoted too, or a reader splits the row there.
    content: bom + stringify(records, { record_delimiter: '\r\n', quoted_match: /[\r\n]/ }),
    rows: records.length - 1,
  }
}
