import { open } from 'node:fs/promises'
import { basename } from 'node:path'
import type { CsvHeaders } from '../../../../shared/model/directory'
import { decodeCsvBytes, readFailure, type CsvEncodingSetting } from './csv-file-loader'
import { CsvSyntaxError, readCsvRows, type CsvRow } from './csv-row-reader'

/** The header sits in the first few lines: 64 KiB holds them even for wide exports. */
const probeBytes = 64 * 1024
const headerSearchRows = 10

async function readStart(path: string): Promise<Uint8Array> {
  try {
    const file = await open(path, 'r')
    try {
      const buffer = Buffer.alloc(probeBytes)
      const { bytesRead } = await file.read(buffer, 0, probeBytes, 0)
      if (bytesRead < probeBytes) return buffer.subarray(0, bytesRead)
      // Cut after the last LF: 0x0A is never part of a UTF-8 or Shift_JIS multi-byte character.
      const end = buffer.lastIndexOf(0x0a)
      return buffer.subarray(0, end === -1 ? bytesRead : end + 1)
    } finally {
      await file.close()
    }
  } catch (error) {
    throw readFailure(path, error)
  }
}

async function firstRows(text: string | Buffer): Promise<CsvRow[]> {
  const rows: CsvRow[] = []
  try {
    for await (const row of readCsvRows(text)) {
      rows.push(row)
      if (rows.length >= headerSearchRows) break
    }
  } catch (error) {
    // A broken quote below the header (or a cut record) does not hide the header itself.
    if (!(error instanceof CsvSyntaxError)) throw error
  }
  return rows
}

/**
 * Reads only the start of a file and returns its header names, so the mapping form can offer them.
 * The header is the row holding most of `lookFor` (the mapping's required columns), else the first.
 */
export async function probeCsvHeaders(
  path: string,
  setting: CsvEncodingSetting,
  lookFor: readonly string[],
): Promise<CsvHeaders> {
  const fileName = basename(path)
  const { text, encoding } = decodeCsvBytes(await readStart(path), setting, fileName)
  const rows = await firstRows(text)
  const wanted = new Set(lookFor.map((name) => name.trim()).filter((name) => name !== ''))
  let best: CsvRow | undefined = rows[0]
  let bestHits = 0
  for (const row of rows) {
    const hits = row.cells.filter((cell) => wanted.has(cell.trim())).length
    if (hits > bestHits) [best, bestHits] = [row, hits]
  }
  const headers = (best?.cells ?? []).map((cell) => cell.trim()).filter((cell) => cell !== '')
  return { fileName, encoding, line: best?.line ?? null, headers }
}
