import { readFile, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { sendBadRequest } from './bad-request'
import { CompressionCache, pickEncoding, worthCompressing } from './compression'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
}

/** The renderer's pages hold no data, so they are served without the token; the API is what is guarded. */
export const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

function decodedPath(urlPath: string): string | null {
  try {
    return decodeURIComponent(urlPath)
  } catch {
    return null
  }
}

/**
 * Vite names every built asset after its content (`assets/index-B3x_9kQa.js`): such a file never
 * changes under its name, so browsers may keep it a year. index.html names the current ones and is
 * asked for again on every load, so a new build is picked up at once.
 */
const hashedAsset = /^assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/
const immutable = 'public, max-age=31536000, immutable'

const compressed = new CompressionCache()

export async function serveStatic(
  root: string,
  urlPath: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const decoded = decodedPath(urlPath)
  // A malformed %-escape is the client's mistake (400), not the daemon's.
  if (decoded === null) return sendBadRequest(response)
  const relative = urlPath === '/' ? 'index.html' : decoded.replace(/^\/+/, '')
  const file = normalize(join(root, relative))
  if (!file.startsWith(root + sep)) {
    response.writeHead(403).end()
    return
  }
  let body: Buffer
  let version: string
  try {
    const info = await stat(file)
    body = await readFile(file)
    version = `${file}:${info.mtimeMs}:${info.size}`
  } catch {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found')
    return
  }
  const contentType = contentTypes[extname(file)] ?? 'application/octet-stream'
  const encoding = worthCompressing(contentType, body.length)
    ? pickEncoding(request.headers['accept-encoding'])
    : null
  const sent = encoding ? await compressed.get(version, body, encoding) : body
  response.writeHead(200, {
    'Content-Type': contentType,
    'Content-Length': sent.length,
    ...(encoding ? { 'Content-Encoding': encoding } : {}),
    Vary: 'Accept-Encoding',
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': hashedAsset.test(relative) ? immutable : 'no-cache',
  })
  response.end(sent)
}
