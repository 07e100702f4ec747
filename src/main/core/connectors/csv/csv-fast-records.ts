/**
 * The common case of a CSV export, read without csv-parse. csv-parse walks the bytes one at a time with a
 * dozen checks each (1.2 s of CPU for a 100,000-person file); this scanner jumps from delimiter to
 * delimiter. It reads only what it reads exactly as csv-parse does with the options of csv-row-reader.ts
 * (LF line ends, trim, rows of only blank cells skipped). At the first record it is not sure of (a quote
 * inside an unquoted cell, anything but spaces after a closing quote, a quote never closed) it stops, and
 * csv-parse reads the rest from the start of that record: every syntax error is still csv-parse's.
 * It scans UTF-8 bytes, as csv-parse does, so each cell is a fresh string (a substring of the text would
 * keep the whole text alive as long as the snapshot holds any of its cells).
 */

const quote = 0x22
const comma = 0x2c
const newline = 0x0a

/** csv-parse's `trim` skips these before a cell and after a closing quote (CR and LF end the record first). */
const isTrimmable = (c: number | undefined): boolean => c === 0x20 || c === 0x09 || c === 0x0c

export interface FastRecord {
  readonly cells: string[]
  /** Physical line where the record starts. */
  readonly line: number
  /** Physical line where it ends (newlines inside quoted cells counted). */
  readonly endLine: number
}

/** Past the bytes scanned so far: the next chunk is needed (or, at the end, csv-parse must read it). */
const more = 'more'
/** Not read here: csv-parse reads from this record on. */
const irregular = 'irregular'

interface Scanned {
  readonly cells: string[]
  /** Index just past the record's line end (or the end of the bytes). */
  readonly next: number
  /** Newlines inside its quoted cells. */
  readonly newlines: number
}

function newlinesIn(bytes: Buffer, from: number, to: number): number {
  let count = 0
  for (let i = bytes.indexOf(newline, from); i !== -1 && i < to; i = bytes.indexOf(newline, i + 1)) count++
  return count
}

/** A quoted cell from its opening quote; `more` when it is not closed within the bytes. */
function quotedCell(bytes: Buffer, at: number, final: boolean) {
  let value = ''
  let newlines = 0
  for (let from = at + 1; ;) {
    const close = bytes.indexOf(quote, from)
    // A quote as the last byte may be the first of a doubled one: wait for the next byte.
    if (close === -1 || (close === bytes.length - 1 && !final)) return more
    newlines += newlinesIn(bytes, from, close)
    if (bytes[close + 1] === quote) {
      value += bytes.toString('utf8', from, close + 1)
      from = close + 2
      continue
    }
    return { value: value + bytes.toString('utf8', from, close), end: close + 1, newlines }
  }
}

/** One record from `start` (the start of a line). `final`: these are the last bytes of the file. */
function scanRecord(bytes: Buffer, start: number, final: boolean): Scanned | typeof more | typeof irregular {
  const cells: string[] = []
  const end = bytes.length
  let newlines = 0
  let i = start
  for (;;) {
    while (isTrimmable(bytes[i])) i++
    if (bytes[i] === quote) {
      const cell = quotedCell(bytes, i, final)
      if (cell === more) return final ? irregular : more
      cells.push(cell.value)
      newlines += cell.newlines
      i = cell.end
      while (isTrimmable(bytes[i])) i++
      if (i < end && bytes[i] !== comma && bytes[i] !== newline) return irregular
    } else {
      let stop = i
      while (stop < end && bytes[stop] !== comma && bytes[stop] !== newline && bytes[stop] !== quote) stop++
      // A quote after the start of an unquoted cell is csv-parse's INVALID_OPENING_QUOTE.
      if (stop < end && bytes[stop] === quote) return irregular
      // csv-parse trims an unquoted cell's end with String.prototype.trimEnd (every Unicode space).
      cells.push(bytes.toString('utf8', i, stop).trimEnd())
      i = stop
    }
    if (i >= end) return final ? { cells, next: end, newlines } : more
    if (bytes[i] === newline) return { cells, next: i + 1, newlines }
    i += 1
  }
}

/** csv-parse's skip_records_with_empty_values: every cell blank once trimmed. */
const isBlank = (cells: readonly string[]): boolean => cells.every((cell) => cell.trim() === '')

export interface ScanEnd {
  /** Where the scan stopped: the start of the first record not read. */
  readonly at: number
  /** That record's line. */
  readonly line: number
  /** `more`: it needs the next bytes; `irregular`: csv-parse must read from it on; `end`: all read. */
  readonly stopped: typeof more | typeof irregular | 'end'
}

/**
 * Scans the records of `bytes` (LF line ends, from the start of a line at `line`); `take` gets each record
 * that is not blank.
 */
export function scanRecords(
  bytes: Buffer,
  line: number,
  final: boolean,
  take: (record: FastRecord) => void,
): ScanEnd {
  let at = 0
  while (at < bytes.length) {
    const record = scanRecord(bytes, at, final)
    if (record === more || record === irregular) return { at, line, stopped: record }
    const endLine = line + record.newlines
    if (!isBlank(record.cells)) take({ cells: record.cells, line, endLine })
    at = record.next
    line = endLine + 1
  }
  return { at, line, stopped: final ? 'end' : more }
}
