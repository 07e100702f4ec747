import type { Localized } from '../../../../shared/model/localized'
import type { SourceProblemCollector } from '../../engines/directory/source-problems'
import type { CsvTextEncoding } from './csv-file-loader'
import { csvProblemMessages } from './csv-messages'
import { CsvSyntaxError, readCsvRows, type CsvRow } from './csv-row-reader'

/** Some exports put a title line or blank lines before the header: look this far for it. */
const headerSearchRows = 10

export interface CsvTableSpec<F extends string> {
  readonly fileName: string
  readonly encoding: CsvTextEncoding
  /** Header name per field; '' means the file has no such column. */
  readonly columns: Readonly<Record<F, string>>
  /** Fields whose columns identify the header row and must be present; the others may be missing. */
  readonly required: readonly F[]
}

/** What check() reports per file. */
export interface CsvFileSummary {
  readonly fileName: string
  readonly encoding: CsvTextEncoding
  /** Line of the header row; null until found. */
  readonly headerLine: number | null
  readonly dataRows: number
  /** Configured optional columns the header lacks (read as empty). */
  readonly missingOptional: readonly string[]
}

/** A data row as field values ('' for unmapped fields). */
export interface CsvTableRow<F extends string> {
  readonly values: Readonly<Record<F, string>>
  readonly line: number
  /** 1-based position among the data rows. */
  readonly index: number
  /**
   * The cell count differs from the header's (already reported): values are a best guess by position,
   * good only for knowing that a record with this key exists, never for its data.
   */
  readonly misshapen: boolean
}

/** Called once per data row, whatever its fate: the caller counts, paces and checks for abort here. */
export type RowTick = () => void

type ColumnIndex<F extends string> = Readonly<Record<F, number>>

interface HeaderMatch<F extends string> {
  readonly line: number
  readonly width: number
  readonly index: ColumnIndex<F>
  readonly missingOptional: readonly string[]
}

function requiredNames<F extends string>(spec: CsvTableSpec<F>): string[] {
  return spec.required.map((f) => spec.columns[f].trim())
}

/**
 * Maps each configured column to its position. A missing required column is a problem naming it and
 * the headers found; a missing optional one is read as empty (and noted).
 */
function resolveColumns<F extends string>(
  spec: CsvTableSpec<F>,
  header: CsvRow,
  problems: SourceProblemCollector,
): HeaderMatch<F> | null {
  const names = header.cells.map((c) => c.trim())
  const required = new Set<F>(spec.required)
  const index = {} as Record<F, number>
  const missingOptional: string[] = []
  let ok = true
  for (const field of Object.keys(spec.columns) as F[]) {
    const name = spec.columns[field].trim()
    index[field] = name === '' ? -1 : names.indexOf(name)
    if (name === '' || index[field] !== -1) continue
    if (!required.has(field)) {
      missingOptional.push(name)
      continue
    }
    const message = csvProblemMessages.unknownColumn(spec.fileName, header.line, name, names)
    problems.add({ where: spec.fileName, line: header.line }, message)
    ok = false
  }
  return ok ? { line: header.line, width: names.length, index, missingOptional } : null
}

/**
 * The header is the first of the first rows holding every required name. Without one, the row holding
 * the most of them (if any) is taken as the header, so the admin hears which names it lacks.
 */
async function locateHeader<F extends string>(
  rows: AsyncIterator<CsvRow>,
  spec: CsvTableSpec<F>,
  problems: SourceProblemCollector,
): Promise<HeaderMatch<F> | null> {
  const wanted = requiredNames(spec)
  let first: CsvRow | null = null
  let best: { row: CsvRow; hits: number } | null = null
  for (let seen = 0; seen < headerSearchRows; seen++) {
    const next = await rows.next()
    if (next.done) break
    const row = next.value
    first ??= row
    const cells = new Set(row.cells.map((c) => c.trim()))
    const hits = wanted.filter((name) => cells.has(name)).length
    if (hits === wanted.length) return resolveColumns(spec, row, problems)
    if (hits > 0 && (best === null || hits > best.hits)) best = { row, hits }
  }
  if (best) return resolveColumns(spec, best.row, problems)
  const message = first
    ? csvProblemMessages.headerNotFound(spec.fileName, first.line, wanted, first.cells, spec.encoding)
    : csvProblemMessages.empty(spec.fileName)
  problems.add({ where: spec.fileName, line: first?.line ?? null }, message)
  return null
}

function rowValues<F extends string>(cells: readonly string[], index: ColumnIndex<F>): Record<F, string> {
  const values = {} as Record<F, string>
  for (const field of Object.keys(index) as F[]) {
    const at = index[field]
    values[field] = at === -1 ? '' : (cells[at] ?? '')
  }
  return values
}

function syntaxProblem(fileName: string, error: CsvSyntaxError): Localized {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return csvProblemMessages.quoteNotClosed(fileName, error.line)
  if (error.code === 'CSV_INVALID_CLOSING_QUOTE')
    return csvProblemMessages.quoteClosedEarly(fileName, error.line)
  if (error.code === 'INVALID_OPENING_QUOTE') return csvProblemMessages.strayQuote(fileName, error.line)
  return csvProblemMessages.syntax(fileName, error.line, error.message)
}

/**
 * Finds the header, then hands each data row to `onRow` (a misshapen one flagged as such). Every
 * problem goes to the list and reading goes on; a CSV syntax error ends the file (nothing after it can
 * be trusted), which `complete: false` says. Linear: one pass, no re-scans.
 */
export async function readCsvTable<F extends string>(
  text: string | Buffer,
  spec: CsvTableSpec<F>,
  problems: SourceProblemCollector,
  onRow: (row: CsvTableRow<F>) => void,
  tick: RowTick,
): Promise<CsvFileSummary & { readonly complete: boolean }> {
  const rows = readCsvRows(text)
  const where = { fileName: spec.fileName, encoding: spec.encoding }
  let header: HeaderMatch<F> | null = null
  let dataRows = 0
  let complete = false
  try {
    header = await locateHeader(rows, spec, problems)
    for (let next = await rows.next(); header && !next.done; next = await rows.next()) {
      const { cells, line } = next.value
      dataRows += 1
      tick()
      const misshapen = cells.length !== header.width
      if (misshapen) {
        const message = csvProblemMessages.cellCount(spec.fileName, line, header.width, cells.length)
        problems.add({ where: spec.fileName, line }, message)
      }
      onRow({ values: rowValues(cells, header.index), line, index: dataRows, misshapen })
    }
    complete = header !== null
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error
    problems.add({ where: spec.fileName, line: error.line }, syntaxProblem(spec.fileName, error))
  } finally {
    await rows.return(undefined)
  }
  const missingOptional = header?.missingOptional ?? []
  return { ...where, headerLine: header?.line ?? null, dataRows, missingOptional, complete }
}
