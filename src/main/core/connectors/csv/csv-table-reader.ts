import type { CsvTextEncoding } from './csv-file-loader'
import { csvProblemMessages } from './csv-messages'
import type { CsvProblemList } from './csv-problem-list'
import { CsvSyntaxError, readCsvRows, type CsvRow } from './csv-row-reader'

/** Some exports put a title line or blank lines before the header: look this far for it. */
const headerSearchRows = 10

export interface CsvTableSpec<F extends string> {
  readonly fileName: string
  readonly encoding: CsvTextEncoding
  /** Header name per field; '' means the file has no such column. */
  readonly columns: Readonly<Record<F, string>>
  /** Fields whose columns identify the header row (and must be present). */
  readonly required: readonly F[]
}

/** What check() reports per file. */
export interface CsvFileSummary {
  readonly fileName: string
  readonly encoding: CsvTextEncoding
  /** Line of the header row; null until found. */
  readonly headerLine: number | null
  readonly dataRows: number
}

/** A data row whose cell count matches the header, as field values ('' for unmapped fields). */
export interface CsvTableRow<F extends string> {
  readonly values: Readonly<Record<F, string>>
  readonly line: number
  /** 1-based position among the data rows. */
  readonly index: number
}

/** Called once per data row, whatever its fate: the caller counts, paces and checks for abort here. */
export type RowTick = () => void

type ColumnIndex<F extends string> = Readonly<Record<F, number>>

interface HeaderMatch<F extends string> {
  readonly line: number
  readonly width: number
  readonly index: ColumnIndex<F>
}

function requiredNames<F extends string>(spec: CsvTableSpec<F>): string[] {
  return spec.required.map((f) => spec.columns[f].trim())
}

/** Maps each configured column to its position, reporting every configured name the header lacks. */
function resolveColumns<F extends string>(
  spec: CsvTableSpec<F>,
  header: CsvRow,
  problems: CsvProblemList,
): HeaderMatch<F> | null {
  const names = header.cells.map((c) => c.trim())
  const index = {} as Record<F, number>
  let ok = true
  for (const field of Object.keys(spec.columns) as F[]) {
    const name = spec.columns[field].trim()
    index[field] = name === '' ? -1 : names.indexOf(name)
    if (name !== '' && index[field] === -1) {
      problems.add(
        spec.fileName,
        header.line,
        csvProblemMessages.unknownColumn(spec.fileName, header.line, name, names),
      )
      ok = false
    }
  }
  return ok ? { line: header.line, width: names.length, index } : null
}

/**
 * The header is the first of the first rows holding every required name. Without one, the row holding
 * the most of them (if any) is taken as the header, so the admin hears which names it lacks.
 */
async function locateHeader<F extends string>(
  rows: AsyncIterator<CsvRow>,
  spec: CsvTableSpec<F>,
  problems: CsvProblemList,
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
  problems.add(spec.fileName, first?.line ?? null, message)
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

/**
 * Finds the header, then hands each well-formed data row to `onRow`. Problems go to the list; a CSV
 * syntax error ends the file (nothing after it can be trusted). Linear: one pass, no re-scans.
 */
export async function readCsvTable<F extends string>(
  text: string,
  spec: CsvTableSpec<F>,
  problems: CsvProblemList,
  onRow: (row: CsvTableRow<F>) => void,
  tick: RowTick,
): Promise<CsvFileSummary> {
  const rows = readCsvRows(text)
  let headerLine: number | null = null
  let dataRows = 0
  try {
    const header = await locateHeader(rows, spec, problems)
    if (header === null) return { fileName: spec.fileName, encoding: spec.encoding, headerLine, dataRows }
    headerLine = header.line
    for (let next = await rows.next(); !next.done && !problems.full; next = await rows.next()) {
      const { cells, line } = next.value
      dataRows += 1
      tick()
      if (cells.length !== header.width) {
        problems.add(
          spec.fileName,
          line,
          csvProblemMessages.cellCount(spec.fileName, line, header.width, cells.length),
        )
        continue
      }
      onRow({ values: rowValues(cells, header.index), line, index: dataRows })
    }
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error
    const message =
      error.code === 'CSV_QUOTE_NOT_CLOSED'
        ? csvProblemMessages.quoteNotClosed(spec.fileName, error.line)
        : csvProblemMessages.syntax(spec.fileName, error.line, error.message)
    problems.add(spec.fileName, error.line, message)
  } finally {
    await rows.return(undefined)
  }
  return { fileName: spec.fileName, encoding: spec.encoding, headerLine, dataRows }
}
