import { isUtf8 } from 'node:buffer'
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { csvEncodings } from '../../../../shared/model/directory-config'
import { ConnectorError } from '../connector-error'
import { csvFileMessages } from './csv-messages'

export type CsvEncodingSetting = (typeof csvEncodings)[number]
/** The encoding a file was actually read with. */
export type CsvTextEncoding = 'utf-8' | 'shift_jis'

export interface CsvText {
  /** Base name, used in every message and location (the full path may hold a user name). */
  readonly fileName: string
  /**
   * A UTF-8 file's bytes (checked, BOM left out), never decoded whole: 100,000 rows with Japanese names
   * are a ~21 MB string, garbage once parsed yet held until a full collection. Other encodings: the text.
   */
  readonly text: string | Buffer
  readonly encoding: CsvTextEncoding
}

const bom = '\uFEFF'

function stripBom(text: string): string {
  return text.startsWith(bom) ? text.slice(1) : text
}

/** Valid UTF-8 as bytes without the BOM; null when it is not UTF-8. */
function utf8Bytes(bytes: Uint8Array): Buffer | null {
  if (!isUtf8(bytes)) return null
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const bom = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf
  return bom ? buffer.subarray(3) : buffer
}

/**
 * Admin screens export UTF-8 (often with a BOM) or Shift_JIS. ICU's shift_jis is windows-31j (CP932),
 * so NEC/IBM extensions such as ①, ㈱ and 髙 survive. Real Japanese Shift_JIS text is almost never
 * valid UTF-8, which is what makes 'auto' safe.
 */
export function decodeCsvBytes(
  bytes: Uint8Array,
  setting: CsvEncodingSetting,
  fileName: string,
): { readonly text: string | Buffer; readonly encoding: CsvTextEncoding } {
  if (setting !== 'shift_jis') {
    const utf8 = utf8Bytes(bytes)
    if (utf8 !== null) return { text: utf8, encoding: 'utf-8' }
    if (setting === 'utf-8') throw new ConnectorError('permanent', csvFileMessages.notUtf8(fileName))
  }
  return { text: stripBom(new TextDecoder('shift_jis').decode(bytes)), encoding: 'shift_jis' }
}

/** A read error as the admin should hear it: which path, and what to do. */
export function readFailure(path: string, error: unknown): ConnectorError {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? ''
  const answer = error instanceof Error ? error.message : String(error)
  if (code === 'ENOENT') return new ConnectorError('permanent', csvFileMessages.notFound(path), answer)
  if (code === 'EACCES' || code === 'EPERM') {
    return new ConnectorError('permanent', csvFileMessages.noPermission(path), answer)
  }
  if (code === 'EISDIR') return new ConnectorError('permanent', csvFileMessages.isFolder(path), answer)
  return new ConnectorError('permanent', csvFileMessages.unreadable(path), answer)
}

/** Reads and decodes one export; a missing or unreadable file is a ConnectorError naming the path. */
export async function loadCsvText(path: string, setting: CsvEncodingSetting): Promise<CsvText> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(path)
  } catch (error) {
    throw readFailure(path, error)
  }
  const fileName = basename(path)
  return { fileName, ...decodeCsvBytes(bytes, setting, fileName) }
}
