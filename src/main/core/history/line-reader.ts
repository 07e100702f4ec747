import { closeSync, openSync, readSync } from 'node:fs'
import { StringDecoder } from 'node:string_decoder'

const chunkBytes = 1 << 20

export interface TextLine {
  readonly text: string
  /** 1-based, as editors count. */
  readonly number: number
}

/**
 * The lines of a UTF-8 file, read 1 MiB at a time: memory stays bounded whatever the file's size
 * (a whole-file read fails past V8's ~512 MiB string limit). A leading BOM and CR before LF are dropped.
 */
export function* readLines(file: string): Generator<TextLine> {
  const fd = openSync(file, 'r')
  try {
    const buffer = Buffer.allocUnsafe(chunkBytes)
    const decoder = new StringDecoder('utf8')
    let rest = ''
    let number = 0
    for (;;) {
      const bytes = readSync(fd, buffer, 0, chunkBytes, null)
      rest += bytes ? decoder.write(buffer.subarray(0, bytes)) : decoder.end()
      if (number === 0) rest = rest.replace(/^\uFEFF/, '')
      const lines = rest.split('\n')
      rest = bytes ? (lines.pop() ?? '') : ''
      for (const line of lines) yield { text: line.replace(/\r$/, ''), number: ++number }
      if (!bytes) return
    }
  } finally {
    closeSync(fd)
  }
}
