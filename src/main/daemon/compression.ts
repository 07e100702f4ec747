import { brotliCompress, constants, gzip } from 'node:zlib'
import { promisify } from 'node:util'

export type Encoding = 'br' | 'gzip'

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/** Text types worth compressing; images and fonts are compressed already. */
const compressibleTypes = /^(text\/|application\/json|image\/svg\+xml)/
/** Below this, headers cost more than compression saves. */
const minBytes = 1024

/**
 * The encoding to answer with, from Accept-Encoding: brotli when offered, else gzip; `q=0` refuses one.
 * `*` offers both.
 */
export function pickEncoding(acceptEncoding: string | undefined): Encoding | null {
  const offered = new Map<string, number>()
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    if (!name) continue
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined)
    offered.set(name, q === undefined ? 1 : Number(q))
  }
  const accepts = (name: Encoding): boolean => (offered.get(name) ?? offered.get('*') ?? 0) > 0
  if (accepts('br')) return 'br'
  if (accepts('gzip')) return 'gzip'
  return null
}

export function worthCompressing(contentType: string, size: number): boolean {
  return size >= minBytes && compressibleTypes.test(contentType)
}

/**
 * Compressed copies of the renderer's files, made once per file version: the bundle does not change
 * while the daemon runs, and brotli on a 1 MB bundle is too slow to repeat on every page load.
 */
export class CompressionCache {
  private readonly entries = new Map<string, Promise<Buffer>>()

  get(key: string, body: Buffer, encoding: Encoding): Promise<Buffer> {
    const id = `${encoding}:${key}`
    let entry = this.entries.get(id)
    if (!entry) {
      entry = encoding === 'br' ? brotli(body, brotliOptions(body.length)) : gzipAsync(body, { level: 9 })
      // A failed compression is not kept: the next request tries again.
      void entry.catch(() => this.entries.delete(id))
      this.entries.set(id, entry)
    }
    return entry
  }
}

function brotliOptions(size: number): { params: Record<number, number> } {
  return {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      // Quality 9 is a few times faster than the default 11 on the bundle, for about 5 % more bytes.
      [constants.BROTLI_PARAM_QUALITY]: 9,
      [constants.BROTLI_PARAM_SIZE_HINT]: size,
    },
  }
}
