import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import { startDaemon, type RunningDaemon } from '../../src/main/daemon'

let daemon: RunningDaemon
const bundle = Buffer.from(
  Array.from({ length: 4000 }, (_, i) => `export const value${i} = 'renkei ${i}'\n`).join(''),
)
const bundlePath = '/assets/index-B3x_9kQa.js'
const icon = Buffer.from([0, 0, 1, 0, 1, 0, 16, 16, 0, 0, 1, 0, 32, 0])

beforeAll(async () => {
  const rendererRoot = mkdtempSync(join(tmpdir(), 'renkei-renderer-'))
  mkdirSync(join(rendererRoot, 'assets'))
  writeFileSync(
    join(rendererRoot, 'index.html'),
    `<!doctype html><title>Renkei</title>${'<p>x</p>'.repeat(300)}`,
  )
  writeFileSync(join(rendererRoot, bundlePath), bundle)
  writeFileSync(join(rendererRoot, 'assets', 'plain.js'), bundle)
  writeFileSync(join(rendererRoot, 'favicon.ico'), icon)
  daemon = await startDaemon({
    dataDir: mkdtempSync(join(tmpdir(), 'renkei-daemon-')),
    port: 0,
    version: 't',
    rendererRoot,
    secrets: new MemorySecretStore(),
  })
})
afterAll(async () => {
  await daemon.stop()
})

interface Answer {
  readonly status: number
  readonly headers: IncomingHttpHeaders
  readonly body: Buffer
}

/** node:http, not fetch: fetch would send its own Accept-Encoding and undo the compression. */
function get(path: string, acceptEncoding?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding }
    const req = httpRequest({ host: '127.0.0.1', port: daemon.port, path, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      )
    })
    req.on('error', reject)
    req.end()
  })
}

describe('daemon static files', () => {
  it('compresses with brotli when offered, else gzip, and the bytes come back unchanged', async () => {
    const br = await get(bundlePath, 'gzip, deflate, br')
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toBe('Accept-Encoding')
    expect(br.body.length).toBeLessThan(bundle.length / 4)
    expect(brotliDecompressSync(br.body).equals(bundle)).toBe(true)

    const gzip = await get(bundlePath, 'gzip')
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gzip.body).equals(bundle)).toBe(true)
    expect((await get(bundlePath, 'br;q=0, gzip;q=0.5')).headers['content-encoding']).toBe('gzip')
  })

  it('sends the plain bytes to a client that accepts no encoding', async () => {
    for (const accept of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
      const plain = await get(bundlePath, accept)
      expect(plain.headers['content-encoding'], accept).toBeUndefined()
      expect(plain.body.equals(bundle), accept).toBe(true)
      expect(Number(plain.headers['content-length'])).toBe(bundle.length)
    }
  })

  it('lets browsers keep hashed assets for a year, and asks again for index.html', async () => {
    expect((await get(bundlePath, 'br')).headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const page = await get('/', 'br')
    expect(page.headers['cache-control']).toBe('no-cache')
    expect(page.headers['content-encoding']).toBe('br')
    expect((await get('/index.html')).headers['cache-control']).toBe('no-cache')
    // An asset without a content hash in its name may change under the same name.
    expect((await get('/assets/plain.js')).headers['cache-control']).toBe('no-cache')
  })

  it('serves the icon as is', async () => {
    const answer = await get('/favicon.ico', 'gzip, br')
    expect(answer.status).toBe(200)
    expect(answer.headers['content-type']).toBe('image/x-icon')
    expect(answer.headers['content-encoding']).toBeUndefined()
    expect(answer.body.equals(icon)).toBe(true)
  })
})
