import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer as createHttpsServer } from 'node:https'
import { createServer, type Server, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ConnectorError } from '../../src/main/core/connectors/connector-error'
import { createFeedConnector, type FeedConnectorConfig } from '../../src/main/core/connectors/ics/ics-feed'
import type { FeedFetch } from '../../src/main/core/engines/calendar/calendar-connectors'
import { startIcsFeedServer, type IcsFeedServer } from '../support/ics-feed-server'

const google = readFileSync(join(__dirname, '../fixtures/calendar/google.ics'), 'utf8')
/** The connector hands over the feed unfolded (folds are removed on the bytes, before decoding). */
const unfolded = (text: string): string => text.replace(/\r?\n[ \t]/g, '')
const password = 'Pa55-w0rd-yamada'
const token = 'tok-8f2c0e7a9b'

let server: IcsFeedServer
let path: string
let feedCount = 0

beforeAll(async () => {
  server = await startIcsFeedServer()
})
afterAll(async () => {
  await server.stop()
})
beforeEach(() => {
  server.requireAuth(null)
  path = `/feeds/${++feedCount}.ics`
  server.setFeed(path, google)
})

const config = (extra: Partial<FeedConnectorConfig> = {}): FeedConnectorConfig => ({
  url: server.url(path),
  auth: 'none',
  username: '',
  maxMegabytes: 20,
  ...extra,
})

const live = (): AbortSignal => new AbortController().signal

async function failure(run: Promise<unknown>): Promise<ConnectorError> {
  try {
    await run
  } catch (error) {
    if (error instanceof ConnectorError) return error
    throw error
  }
  throw new Error('the fetch succeeded')
}

/** Everything an admin or a log could see of an error. */
const visible = (error: ConnectorError): string =>
  JSON.stringify([error.message, error.localized, error.serverAnswer])

function fetched(result: FeedFetch): Extract<FeedFetch, { status: 'fetched' }> {
  if (result.status !== 'fetched') throw new Error(`expected a body, got ${result.status}`)
  return result
}

describe('iCalendar feed over HTTP', () => {
  it('fetches the feed, then answers "unchanged" on a 304 for the same validators', async () => {
    const feed = createFeedConnector(config(), null)
    const first = fetched(await feed.fetch(null, live()))
    expect(first.text).toBe(unfolded(google))
    expect(first.validators.etag).toMatch(/^"[0-9a-f]{40}"$/)
    expect(first.validators.lastModified).toMatch(/GMT$/)
    expect(Math.abs((first.serverDate ?? 0) - Date.now())).toBeLessThan(60_000)
    expect(server.requests.at(-1)?.headers['accept']).toMatch(/^text\/calendar/)

    const second = await feed.fetch(first.validators, live())
    expect(second).toMatchObject({ status: 'unchanged', validators: first.validators })
    const conditional = server.requests.at(-1)
    expect(conditional?.status).toBe(304)
    expect(conditional?.headers['if-none-match']).toBe(first.validators.etag)
    expect(conditional?.headers['if-modified-since']).toBe(first.validators.lastModified)

    server.setFeed(path, google.replace('SUMMARY:健康診断', 'SUMMARY:健康診断（再検査）'))
    const third = fetched(await feed.fetch(first.validators, live()))
    expect(third.text).toContain('健康診断（再検査）')
    expect(third.validators.etag).not.toBe(first.validators.etag)
  })

  it('logs in with Basic and with a bearer token', async () => {
    server.requireAuth({ basic: { user: 'yamada', password }, bearer: token })
    const basic = createFeedConnector(config({ auth: 'basic', username: 'yamada' }), password)
    expect(fetched(await basic.fetch(null, live())).text).toBe(unfolded(google))
    expect(server.requests.at(-1)?.headers['authorization']).toBe('Basic ***')
    const bearer = createFeedConnector(config({ auth: 'bearer' }), token)
    expect(fetched(await bearer.fetch(null, live())).text).toBe(unfolded(google))
    expect(server.requests.at(-1)?.headers['authorization']).toBe('Bearer ***')
  })

  it('takes user:password in the URL as Basic auth and never shows them', async () => {
    server.requireAuth({ basic: { user: 'yamada', password } })
    const withCredentials = server.url(path).replace('http://', `http://yamada:${password}@`)
    const feed = createFeedConnector(config({ url: withCredentials }), null)
    expect(fetched(await feed.fetch(null, live())).text).toBe(unfolded(google))
    const missing = createFeedConnector(config({ url: withCredentials.replace('.ics', '-gone.ics') }), null)
    const error = await failure(missing.fetch(null, live()))
    expect(error.kind).toBe('permanent')
    expect(visible(error)).not.toContain(password)
    expect(visible(error)).not.toContain('yamada:')
  })

  it('reports refused credentials as auth errors that say what to change, without the secret', async () => {
    server.requireAuth({ basic: { user: 'yamada', password }, bearer: token })
    const wrongPassword = await failure(
      createFeedConnector(config({ auth: 'basic', username: 'yamada' }), 'not-the-password').fetch(
        null,
        live(),
      ),
    )
    expect(wrongPassword).toMatchObject({ kind: 'auth', httpStatus: 401 })
    expect(wrongPassword.localized.en).toMatch(/refused the user name or password/)
    expect(wrongPassword.localized.ja).toMatch(/パスワード/)
    expect(wrongPassword.serverAnswer).toMatch(/HTTP 401/)

    const wrongToken = await failure(
      createFeedConnector(config({ auth: 'bearer' }), 'tok-expired').fetch(null, live()),
    )
    expect(wrongToken.kind).toBe('auth')
    expect(wrongToken.localized.en).toMatch(/refused the token/)

    const noLogin = await failure(createFeedConnector(config(), null).fetch(null, live()))
    expect(noLogin.kind).toBe('auth')
    expect(noLogin.localized.en).toMatch(/needs a login/)

    const noSecret = await failure(
      createFeedConnector(config({ auth: 'basic', username: 'yamada' }), null).fetch(null, live()),
    )
    expect(noSecret.kind).toBe('auth')
    expect(noSecret.localized.en).toMatch(/set the password in the pair’s settings/)

    const secrets = [
      'not-the-password',
      'tok-expired',
      Buffer.from('yamada:not-the-password').toString('base64'),
    ]
    for (const error of [wrongPassword, wrongToken, noLogin, noSecret]) {
      for (const secret of secrets) expect(visible(error)).not.toContain(secret)
    }
  })

  it('reports a missing feed as permanent', async () => {
    const error = await failure(
      createFeedConnector(config({ url: server.url('/nowhere.ics') }), null).fetch(null, live()),
    )
    expect(error).toMatchObject({ kind: 'permanent', httpStatus: 404 })
    expect(error.localized.en).toMatch(/was not found.*Check the URL/)
  })

  it('reports a server error as transient, with the start of its answer (injected fault)', async () => {
    server.setStatus(path, 500, 'Internal Server Error: calendar backend unavailable')
    const error = await failure(createFeedConnector(config(), null).fetch(null, live()))
    expect(error).toMatchObject({ kind: 'transient', httpStatus: 500 })
    expect(error.serverAnswer).toMatch(/HTTP 500.*calendar backend unavailable/)
  })

  it('reports 429 as quota and passes on Retry-After (injected fault)', async () => {
    server.setStatus(path, 429, 'slow down', { 'Retry-After': '120' })
    const error = await failure(createFeedConnector(config(), null).fetch(null, live()))
    expect(error.kind).toBe('quota')
    expect(error.localized.en).toMatch(/Retry-After: 120/)
  })

  it('refuses a feed over the size limit, by Content-Length and while streaming', async () => {
    const padding = `X-PADDING:${'x'.repeat(70)}\r\n`.repeat(16_000)
    const large = google.replace('BEGIN:VTIMEZONE', `${padding}BEGIN:VTIMEZONE`)
    expect(Buffer.byteLength(large)).toBeGreaterThan(1024 * 1024)
    server.setFeed(path, large)
    const declared = await failure(createFeedConnector(config({ maxMegabytes: 1 }), null).fetch(null, live()))
    expect(declared.kind).toBe('permanent')
    expect(declared.localized.en).toMatch(/larger than the 1 MB limit.*Raise the limit.*narrow the export/)

    server.setFeed(path, large, { chunked: true })
    const streamed = await failure(createFeedConnector(config({ maxMegabytes: 1 }), null).fetch(null, live()))
    expect(streamed.kind).toBe('permanent')
    expect(streamed.localized.en).toMatch(/larger than the 1 MB limit/)
    expect(
      fetched(await createFeedConnector(config({ maxMegabytes: 2 }), null).fetch(null, live())).text,
    ).toBe(unfolded(large))
  })

  it('decodes the charset the server declares and drops a BOM', async () => {
    // 「会議」 in Shift_JIS, as older Japanese groupware still serves it
    const sjis = Buffer.concat([
      Buffer.from('BEGIN:VCALENDAR\r\nSUMMARY:'),
      Buffer.from([0x89, 0xef, 0x8b, 0x63]),
      Buffer.from('\r\nEND:VCALENDAR\r\n'),
    ])
    server.setFeed(path, sjis, { contentType: 'text/calendar; charset=Shift_JIS' })
    expect(fetched(await createFeedConnector(config(), null).fetch(null, live())).text).toContain(
      'SUMMARY:会議',
    )
    server.setFeed(path, `\uFEFF${google}`)
    expect(fetched(await createFeedConnector(config(), null).fetch(null, live())).text).toBe(unfolded(google))
  })

  it('reports a refused connection as transient', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address()
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 9))
      })
    })
    const error = await failure(
      createFeedConnector(config({ url: `http://127.0.0.1:${closedPort}/feed.ics` }), null).fetch(
        null,
        live(),
      ),
    )
    expect(error.kind).toBe('transient')
    expect(error.localized.en).toMatch(/refused the connection/)
    expect(error.serverAnswer).toMatch(/ECONNREFUSED/)
  })

  it('gives up on a server that never answers, as transient (injected fault)', async () => {
    const sockets: Socket[] = []
    const silent: Server = createServer((socket) => sockets.push(socket))
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    try {
      const address = silent.address()
      const port = typeof address === 'object' && address ? address.port : 0
      const feed = createFeedConnector(config({ url: `http://127.0.0.1:${port}/feed.ics` }), null, {
        timeoutMs: 300,
      })
      const error = await failure(feed.fetch(null, live()))
      expect(error.kind).toBe('transient')
      expect(error.localized.en).toMatch(/did not answer within 0.3 s/)
    } finally {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => silent.close(() => resolve()))
    }
  })

  it('refuses a server whose certificate cannot be verified, as permanent', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'renkei-tls-'))
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')]
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
      ],
      { stdio: 'ignore' },
    )
    const https = createHttpsServer({ key: readFileSync(key), cert: readFileSync(cert) }, (_, response) => {
      response.end(google)
    })
    await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve))
    try {
      const address = https.address()
      const port = typeof address === 'object' && address ? address.port : 0
      const error = await failure(
        createFeedConnector(config({ url: `https://127.0.0.1:${port}/feed.ics` }), null).fetch(null, live()),
      )
      expect(error.kind).toBe('permanent')
      expect(error.localized.en).toMatch(/certificate .* could not be verified/)
      expect(error.serverAnswer).toMatch(/SELF_SIGNED/)
    } finally {
      https.closeAllConnections()
      await new Promise<void>((resolve) => https.close(() => resolve()))
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('lets the caller’s own abort through as an abort, not a feed failure', async () => {
    const controller = new AbortController()
    controller.abort()
    await expect(createFeedConnector(config(), null).fetch(null, controller.signal)).rejects.toMatchObject({
      name: 'AbortError',
    })
  })
})
