import { Readable } from 'node:stream'
import { CsvError, parse, type Info, type Options } from 'csv-parse'
import { scanRecords } from './csv-fast-records'

/** One record as csv-parse returns it, with the physical line of the file where it starts. */
export interface CsvRow {
  readonly cells: readonly string[]
  readonly line: number
}

/** The text is not valid CSV (an unclosed quote, a stray quote): the file cannot be read past `line`. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly code: string,
    detail: string,
  ) {
    super(detail)
    this.name = 'CsvSyntaxError'
  }
}

const chunkChars = 64 * 1024
const chunkBytes = 128 * 1024
const cr = 0x0d
const lf = 0x0a
const maxOpenRecordBytes = 1024 * 1024

/**
 * csv-parse counts a CRLF inside a quoted cell as two lines, so every later line number would drift.
 * With LF only its count is right; editors count a lone CR as a line break too.
 */
function normalizeLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n')
}

const splitsHere = (last: number): boolean => (last >= 0xd800 && last <= 0xdbff) || last === 0x0d

/**
 * Slices the text for the stream, never between the two halves of a surrogate pair (𠮷 and friends) nor
 * between the CR and LF of a line end, and normalises line ends chunk by chunk (a whole-file copy of a
 * 100,000-row export would be another 26 MB held while it is parsed).
 */
function* chunks(text: string): Generator<string> {
  let start = 0
  while (start < text.length) {
    let end = Math.min(start + chunkChars, text.length)
    while (end < text.length && splitsHere(text.charCodeAt(end - 1))) end += 1
    yield normalizeLineEnds(text.slice(start, end))
    start = end
  }
}

const toBytes = (chunk: Buffer | string): Buffer => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk)

function newlinesIn(cells: readonly string[]): number {
  let count = 0
  for (const cell of cells) {
    for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) count += 1
  }
  return count
}

interface ParsedSoFar {
  /** Line where the last good record ends. */
  lastEnd: number
  /** Blank lines skipped up to that record. */
  emptyLines: number
}

/** Errors csv-parse only notices past the line that caused them: the record began where the quote opened. */
const noticedLate = new Set(['CSV_QUOTE_NOT_CLOSED', 'CSV_INVALID_CLOSING_QUOTE'])

function toSyntaxError(error: CsvError, soFar: ParsedSoFar, lineOffset: number): CsvSyntaxError {
  const info = error as unknown as Info
  // The broken record starts on the line after the last good one, past any blank lines in between.
  const line = noticedLate.has(error.code)
    ? soFar.lastEnd + 1 + (info.empty_lines - soFar.emptyLines)
    : info.lines + lineOffset
  return new CsvSyntaxError(line, error.code, error.message)
}

/**
 * csv-parse over the rest of the file, from the start of a record on line `lineOffset + 1`; its records
 * and errors carry the file's line numbers.
 */
async function* parseRest(rest: Iterable<Buffer | string>, lineOffset: number): AsyncGenerator<CsvRow> {
  // Set inside the parser, which may run ahead of the consumer (and drop what it buffered on an error).
  const soFar: ParsedSoFar = { lastEnd: lineOffset, emptyLines: 0 }
  // Records parsed but not yet handed out: on an error the stream drops its buffer, not this queue,
  // so every good record above a broken one still reaches the reader (and its problems get reported).
  const parsed: CsvRow[] = []
  const toRow = (cells: string[], context: Info): CsvRow => {
    soFar.lastEnd = context.lines + lineOffset
    soFar.emptyLines = context.empty_lines
    // context.lines is the line where the record ends; step back over the newlines inside its cells.
    const row = { cells, line: soFar.lastEnd - newlinesIn(cells) }
    parsed.push(row)
    return row
  }
  const options: Options<CsvRow, string[]> = {
    trim: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    record_delimiter: '\n',
    on_record: toRow,
  }
  const source = Readable.from(rest)
  // The typings only know on_record returning the raw record type, hence the widening cast.
  const parser = source.pipe(parse(options as unknown as Options))
  try {
    for await (const _row of parser as AsyncIterable<CsvRow>) yield parsed.shift()!
  } catch (error) {
    if (!(error instanceof CsvError)) throw error
    yield* parsed.splice(0)
    throw toSyntaxError(error, soFar, lineOffset)
  } finally {
    source.destroy()
    parser.destroy()
  }
}

/**
 * The bytes of a UTF-8 file in slices, never between the CR and LF of a line end, line ends normalised as
 * `chunks` does. A character cut at a slice's end belongs to an unfinished record, which the scanner (and
 * csv-parse) keep and read on with the next slice.
 */
function* byteChunks(bytes: Buffer): Generator<Buffer> {
  let start = 0
  while (start < bytes.length) {
    let end = Math.min(start + chunkBytes, bytes.length)
    while (end < bytes.length && bytes[end - 1] === cr) end += 1
    yield normalizeLineEndBytes(bytes.subarray(start, end))
    start = end
  }
}

function normalizeLineEndBytes(chunk: Buffer): Buffer {
  if (!chunk.includes(cr)) return chunk
  const out = Buffer.allocUnsafe(chunk.length)
  let length = 0
  for (let i = 0; i < chunk.length; i++) {
    const byte = chunk[i]!
    out[length++] = byte === cr ? lf : byte
    if (byte === cr && chunk[i + 1] === lf) i++
  }
  return out.subarray(0, length)
}

function* restOf(first: Buffer, chunks: Iterator<Buffer | string>): Generator<Buffer | string> {
  yield first
  for (let next = chunks.next(); !next.done; next = chunks.next()) yield next.value
}

/**
 * Streams the records (quoted newlines and doubled quotes handled, unquoted cells trimmed, blank lines
 * and rows of only empty cells skipped) so a 100,000-row export never sits in memory twice and the
 * event loop gets a turn between chunks. A UTF-8 file comes as its bytes, never decoded whole. The fast scanner (csv-fast-records.ts) reads what it reads as
 * csv-parse would; csv-parse reads the rest from the first record the scanner is not sure of.
 */
export async function* readCsvRows(text: string | Buffer): AsyncGenerator<CsvRow> {
  const source = typeof text === 'string' ? chunks(text) : byteChunks(text)
  let pending = Buffer.alloc(0)
  let line = 1
  for (;;) {
    const next = source.next()
    const bytes = next.done ? pending : Buffer.concat([pending, toBytes(next.value)])
    const rows: CsvRow[] = []
    const scan = scanRecords(bytes, line, next.done === true, ({ cells, line }) => rows.push({ cells, line }))
    yield* rows
    // A record still open after this many bytes (a quote never closed, at worst at the top of the file)
    // goes to csv-parse, which reads it once, instead of being rescanned with every chunk.
    const stuck = scan.stopped === 'more' && bytes.length - scan.at > maxOpenRecordBytes
    if (scan.stopped === 'irregular' || stuck) {
      yield* parseRest(restOf(bytes.subarray(scan.at), source), scan.line - 1)
      return
    }
    if (scan.stopped === 'end') return
    pending = bytes.subarray(scan.at)
    line = scan.line
    await new Promise((resolve) => setImmediate(resolve))
  }
}
