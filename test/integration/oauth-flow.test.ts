import { existsSync, readFileSync } from 'node:fs'
import { createConnection } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ConnectorError } from '../../src/main/core/connectors/connector-error'
import { startInstalledAppFlow, type InstalledAppFlow } from '../../src/main/core/connectors/oauth/oauth-flow'
import { s256Challenge } from '../../src/main/core/connectors/oauth/pkce'
import { OAuthTokenSource } from '../../src/main/core/connectors/oauth/token-source'
import type { OAuthClientConfig } from '../../src/shared/model/calendar-config'
import { startOidcServer, type RunningOidcServer } from '../support/oidc-server'
import { skipBecause } from '../support/skip-reason'

let server: RunningOidcServer
const aborts: AbortController[] = []

beforeAll(async () => {
  server = await startOidcServer()
})
afterEach(() => {
  for (const controller of aborts.splice(0)) controller.abort()
})
afterAll(async () => {
  await server.stop()
})

interface Started {
  readonly flow: InstalledAppFlow
  /** The flow's outcome, observed from the start so an early rejection is never unhandled. */
  readonly outcome: Promise<unknown>
  readonly refreshTokens: string[]
}

async function start(
  options: {
    client?: OAuthClientConfig
    clientSecret?: string
    timeoutMs?: number
    fetch?: typeof fetch
    signal?: AbortSignal
  } = {},
): Promise<Started> {
  const controller = new AbortController()
  aborts.push(controller)
  const refreshTokens: string[] = []
  const flow = await startInstalledAppFlow({
    client: options.client ?? server.client,
    clientSecret: options.clientSecret ?? null,
    onRefreshToken: async (token) => {
      refreshTokens.push(token)
    },
    timeoutMs: options.timeoutMs,
    signal: options.signal ?? controller.signal,
    fetch: options.fetch,
  })
  return {
    flow,
    outcome: flow.done.then(
      () => 'done',
      (error: unknown) => error,
    ),
    refreshTokens,
  }
}

/** A full authorization as the admin would do it; returns the refresh token Renkei stored. */
async function authorize(): Promise<string> {
  const started = await start()
  await server.approve(started.flow.authorizeUrl)
  expect(await started.outcome).toBe('done')
  expect(started.refreshTokens).toHaveLength(1)
  return started.refreshTokens[0] as string
}

function connectorError(value: unknown): ConnectorError {
  expect(value).toBeInstanceOf(ConnectorError)
  return value as ConnectorError
}

/** Everything an admin or a log could see of an error. */
const visible = (error: ConnectorError): string =>
  [error.message, error.localized.ja, error.localized.en, error.serverAnswer ?? '', error.stack ?? ''].join(
    '\n',
  )

function refusesConnections(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port) })
    socket.once('connect', () => {
      socket.destroy()
      resolve(false)
    })
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'))
  })
}

/** Local addresses of listening TCP sockets on this port, from the kernel's own table (hex, as /proc shows them). */
function listeningAddresses(port: number): string[] {
  const portHex = port.toString(16).toUpperCase().padStart(4, '0')
  return ['/proc/net/tcp', '/proc/net/tcp6']
    .filter((file) => existsSync(file))
    .flatMap((file) => readFileSync(file, 'utf8').split('\n').slice(1))
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields[3] === '0A' && fields[1]?.endsWith(`:${portHex}`))
    .map((fields) => (fields[1] as string).split(':')[0] as string)
}

describe('installed-app flow (authorization code + PKCE) against oidc-provider', () => {
  it('sends the browser with an S256 challenge, a state and Google’s offline parameters, and stores the refresh token', async () => {
    const { flow, outcome, refreshTokens } = await start()
    const url = new URL(flow.authorizeUrl)
    const params = Object.fromEntries(url.searchParams)
    expect(`${url.origin}${url.pathname}`).toBe(server.authorizationEndpoint)
    expect(flow.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth2\/callback$/)
    expect(params).toMatchObject({
      response_type: 'code',
      client_id: server.clientId,
      redirect_uri: flow.redirectUri,
      scope: 'openid offline_access',
      code_challenge_method: 'S256',
      access_type: 'offline',
      prompt: 'consent',
    })
    expect(params.code_challenge).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(params.state).toMatch(/^[A-Za-z0-9_-]{32,}$/)

    const page = await server.approve(flow.authorizeUrl)
    expect(page.status).toBe(200)
    expect(page.html).toContain('Renkei received the authorization')
    expect(page.html).toContain('Renkei が認証を受け取りました')
    expect(await outcome).toBe('done')
    expect(refreshTokens).toHaveLength(1)
    expect(await refusesConnections(flow.redirectUri)).toBe(true)
  })

  it('every authorization gets its own port, state and challenge', async () => {
    const [a, b] = await Promise.all([start(), start()])
    const paramsA = new URL(a!.flow.authorizeUrl).searchParams
    const paramsB = new URL(b!.flow.authorizeUrl).searchParams
    expect(a!.flow.redirectUri).not.toBe(b!.flow.redirectUri)
    expect(paramsA.get('state')).not.toBe(paramsB.get('state'))
    expect(paramsA.get('code_challenge')).not.toBe(paramsB.get('code_challenge'))
  })

  it('the provider refuses the code with a wrong verifier (request altered in transit) and accepts the right one', async () => {
    let original: URLSearchParams | null = null
    const tampering: typeof fetch = (input, init) => {
      original = new URLSearchParams(init?.body as URLSearchParams)
      const altered = new URLSearchParams(original)
      altered.set('code_verifier', 'x'.repeat(43))
      return fetch(input, { ...init, body: altered })
    }
    const { flow, outcome, refreshTokens } = await start({ fetch: tampering })
    await server.approve(flow.authorizeUrl)
    const error = connectorError(await outcome)
    expect(error.kind).toBe('auth')
    expect(error.localized.en).toContain('authorization code was refused')
    expect(error.httpStatus).toBe(400)
    expect(error.serverAnswer).toContain('invalid_grant')
    expect(refreshTokens).toEqual([])

    const sent = original as URLSearchParams | null
    if (sent === null) throw new Error('no token request was made')
    const verifier = sent.get('code_verifier') as string
    expect(s256Challenge(verifier)).toBe(new URL(flow.authorizeUrl).searchParams.get('code_challenge'))
    for (const secret of [verifier, sent.get('code') as string]) expect(visible(error)).not.toContain(secret)

    const retried = await fetch(server.tokenEndpoint, { method: 'POST', body: sent })
    expect(retried.status).toBe(200)
    expect(await retried.json()).toHaveProperty('refresh_token')
  })

  it('without offline access granted there is no refresh token, and the error says to re-consent', async () => {
    const { flow, outcome, refreshTokens } = await start({ client: { ...server.client, scope: 'openid' } })
    await server.approve(flow.authorizeUrl)
    const error = connectorError(await outcome)
    expect(error.kind).toBe('auth')
    expect(error.localized.en).toContain('no refresh token')
    expect(error.localized.en).toContain('authorize again')
    expect(error.localized.ja).toContain('リフレッシュ トークン')
    expect(refreshTokens).toEqual([])
  })

  it('access denied in the browser: a bilingual page, an auth error, the listener closed', async () => {
    const { flow, outcome } = await start()
    const page = await server.approve(flow.authorizeUrl, { deny: true })
    expect(page.status).toBe(400)
    expect(page.html).toContain('Access was not allowed in the browser')
    expect(page.html).toContain('アクセスが許可されませんでした')
    const error = connectorError(await outcome)
    expect(error.kind).toBe('auth')
    expect(error.serverAnswer).toContain('access_denied')
    expect(await refusesConnections(flow.redirectUri)).toBe(true)
  })

  it('an answer carrying another state is refused and the listener closes', async () => {
    const { flow, outcome, refreshTokens } = await start()
    const forged = new URL(flow.authorizeUrl)
    forged.searchParams.set('state', 'someone-elses-state')
    const page = await server.approve(forged.href)
    expect(page.status).toBe(400)
    expect(page.html).toContain('state mismatch')
    const error = connectorError(await outcome)
    expect(error.kind).toBe('auth')
    expect(error.localized.en).toContain('Click Authorize again')
    expect(refreshTokens).toEqual([])
    expect(await refusesConnections(flow.redirectUri)).toBe(true)
  })

  it('other paths (the browser’s favicon) do not end the wait', async () => {
    const { flow, outcome } = await start()
    const favicon = await fetch(new URL('/favicon.ico', flow.redirectUri))
    expect(favicon.status).toBe(404)
    await server.approve(flow.authorizeUrl)
    expect(await outcome).toBe('done')
  })

  it('gives up after the timeout and closes the listener', async () => {
    const { flow, outcome } = await start({ timeoutMs: 150 })
    const error = connectorError(await outcome)
    expect(error.kind).toBe('auth')
    expect(error.localized.en).toContain('not finished in the browser')
    expect(await refusesConnections(flow.redirectUri)).toBe(true)
  })

  it('an abort closes the listener and rejects with the abort reason', async () => {
    const controller = new AbortController()
    const { flow, outcome } = await start({ signal: controller.signal })
    controller.abort(new Error('window closed'))
    expect(await outcome).toMatchObject({ message: 'window closed' })
    expect(await refusesConnections(flow.redirectUri)).toBe(true)
  })

  const noProcNet = skipBecause(
    !existsSync('/proc/net/tcp'),
    'no /proc/net/tcp here: cannot list listening sockets',
  )
  it.skipIf(noProcNet)('listens on 127.0.0.1 only, never on 0.0.0.0 or ::', async () => {
    const { flow } = await start()
    const port = Number(new URL(flow.redirectUri).port)
    expect(listeningAddresses(port)).toEqual(['0100007F'])
  })

  it('a client with a secret (as Google registers desktop apps) sends it and gets its refresh token', async () => {
    const { client, secret } = server.clientWithSecret
    const { flow, outcome, refreshTokens } = await start({ client, clientSecret: secret })
    expect(flow.authorizeUrl).not.toContain(secret)
    await server.approve(flow.authorizeUrl)
    expect(await outcome).toBe('done')
    const source = new OAuthTokenSource({
      client,
      clientSecret: secret,
      loadRefreshToken: async () => refreshTokens.at(-1) ?? null,
      saveRefreshToken: async (token) => {
        refreshTokens.push(token)
      },
      now: Date.now,
    })
    expect(await server.userinfoStatus(await source.accessToken(new AbortController().signal))).toBe(200)
  })

  it('the same client without its secret is refused: an auth error about the client', async () => {
    const { flow, outcome, refreshTokens } = await start({ client: server.clientWithSecret.client })
    await server.approve(flow.authorizeUrl)
    const error = connectorError(await outcome)
    expect(error.kind).toBe('auth')
    expect(error.localized.en).toContain('refused the OAuth client (invalid_client)')
    expect(error.localized.en).toContain('client secret')
    expect(refreshTokens).toEqual([])
  })

  it('refuses to start without a client ID', async () => {
    const error = connectorError(
      await start({ client: { ...server.client, clientId: ' ' } }).catch((thrown: unknown) => thrown),
    )
    expect(error.kind).toBe('permanent')
    expect(error.localized.en).toContain('client ID')
  })
})

describe('OAuthTokenSource against oidc-provider', () => {
  interface Made {
    readonly source: OAuthTokenSource
    readonly stored: { token: string | null }
    readonly clock: { ms: number }
    readonly tokenRequests: () => number
  }

  function make(
    refreshToken: string | null,
    options: { fetch?: typeof fetch; client?: OAuthClientConfig } = {},
  ) {
    const stored = { token: refreshToken }
    const clock = { ms: Date.parse('2025-04-01T09:00:00+09:00') }
    let requests = 0
    const counting: typeof fetch = (input, init) => {
      requests++
      return (options.fetch ?? fetch)(input, init)
    }
    const source = new OAuthTokenSource({
      client: options.client ?? server.client,
      clientSecret: null,
      loadRefreshToken: async () => stored.token,
      saveRefreshToken: async (token) => {
        stored.token = token
      },
      now: () => clock.ms,
      fetch: counting,
    })
    return { source, stored, clock, tokenRequests: () => requests } satisfies Made
  }

  const signal = (): AbortSignal => new AbortController().signal

  it('reuses the access token, renews it 5 minutes before expiry and keeps the rotated refresh token', async () => {
    const first = await authorize()
    const { source, stored, clock, tokenRequests } = make(first)
    const tokenA = await source.accessToken(signal())
    expect(await server.userinfoStatus(tokenA)).toBe(200)
    expect(await source.accessToken(signal())).toBe(tokenA)
    clock.ms += 3299_000
    expect(await source.accessToken(signal())).toBe(tokenA)
    expect(tokenRequests()).toBe(1)

    clock.ms += 2_000
    const tokenB = await source.accessToken(signal())
    expect(tokenB).not.toBe(tokenA)
    expect(tokenRequests()).toBe(2)
    expect(await server.userinfoStatus(tokenB)).toBe(200)
    // oidc-provider rotates a public client's refresh token on every use, as OAuth 2.1 asks.
    expect(stored.token).not.toBe(first)
    expect(stored.token).not.toBeNull()

    clock.ms += 3301_000
    const tokenC = await source.accessToken(signal())
    expect(tokenC).not.toBe(tokenB)
    expect(await server.userinfoStatus(tokenC)).toBe(200)
  })

  it('callers arriving together share one renewal', async () => {
    const { source, tokenRequests } = make(await authorize())
    const tokens = await Promise.all(Array.from({ length: 5 }, () => source.accessToken(signal())))
    expect(new Set(tokens).size).toBe(1)
    expect(tokenRequests()).toBe(1)
  })

  it('one caller’s abort does not stop the renewal the others wait for', async () => {
    const { source, tokenRequests } = make(await authorize())
    const controller = new AbortController()
    const aborted = source.accessToken(controller.signal)
    const waiting = source.accessToken(signal())
    controller.abort(new Error('sync stopped'))
    await expect(aborted).rejects.toThrow('sync stopped')
    expect(await server.userinfoStatus(await waiting)).toBe(200)
    expect(tokenRequests()).toBe(1)
  })

  it('without a stored refresh token: authorize first (no request made)', async () => {
    const { source, tokenRequests } = make(null)
    const error = connectorError(await source.accessToken(signal()).catch((thrown: unknown) => thrown))
    expect(error.kind).toBe('auth')
    expect(error.localized.en).toContain(
      "authorize with Google first (Authorize button in the pair's settings)",
    )
    expect(tokenRequests()).toBe(0)
  })

  it('a revoked refresh token: auth error asking to authorize again, without the token in it', async () => {
    const refreshToken = await authorize()
    await server.revoke(refreshToken)
    const { source } = make(refreshToken)
    const error = connectorError(await source.accessToken(signal()).catch((thrown: unknown) => thrown))
    expect(error.kind).toBe('auth')
    expect(error.localized.en).toMatch(/the authorization was revoked or expired — authorize again/i)
    expect(error.localized.ja).toContain('もう一度認証してください')
    expect(error.serverAnswer).toContain('invalid_grant')
    expect(visible(error)).not.toContain(refreshToken)
  })

  it('a refresh token the server never issued: the same auth error', async () => {
    const { source } = make('not-a-token-this-server-issued')
    const error = connectorError(await source.accessToken(signal()).catch((thrown: unknown) => thrown))
    expect(error.kind).toBe('auth')
    expect(error.localized.en).toContain('authorize again')
    expect(visible(error)).not.toContain('not-a-token-this-server-issued')
  })

  it('a token endpoint nobody listens on: transient', async () => {
    const gone = await startOidcServer()
    await gone.stop()
    const { source } = make('some-refresh-token', { client: gone.client })
    const error = connectorError(await source.accessToken(signal()).catch((thrown: unknown) => thrown))
    expect(error.kind).toBe('transient')
    expect(error.serverAnswer).toContain('ECONNREFUSED')
    expect(visible(error)).not.toContain('some-refresh-token')
  })

  it('a token endpoint that repeats the refresh token in its error page: the token is cut out (injected fault)', async () => {
    const echoing: typeof fetch = async (_input, init) => {
      const sent = new URLSearchParams(init?.body as URLSearchParams)
      return new Response(`bad request for ${sent.get('refresh_token')}`, { status: 400 })
    }
    const { source } = make('rt-1234567890-secret', { fetch: echoing })
    const error = connectorError(await source.accessToken(signal()).catch((thrown: unknown) => thrown))
    expect(error.kind).toBe('permanent')
    expect(error.serverAnswer).toContain('bad request for ***')
    expect(visible(error)).not.toContain('rt-1234567890-secret')
  })

  it('a 503 from the token endpoint is transient and the next call tries again (injected fault)', async () => {
    let failNext = true
    const flaky: typeof fetch = async (input, init) => {
      if (!failNext) return fetch(input, init)
      failNext = false
      return new Response('<html>Service Unavailable</html>', { status: 503 })
    }
    const { source } = make(await authorize(), { fetch: flaky })
    const error = connectorError(await source.accessToken(signal()).catch((thrown: unknown) => thrown))
    expect(error.kind).toBe('transient')
    expect(error.httpStatus).toBe(503)
    expect(await server.userinfoStatus(await source.accessToken(signal()))).toBe(200)
  })
})

describe('OAuthTokenSource with a short-lived access token (real clock)', () => {
  // A 4 s token is kept for half its life (it is shorter than twice the 300 s margin): renewed after 2 s.
  const lifetimeSeconds = 4
  let shortLived: RunningOidcServer
  beforeAll(async () => {
    shortLived = await startOidcServer({ accessTokenTtlSeconds: lifetimeSeconds })
  })
  afterAll(async () => {
    await shortLived.stop()
  })

  it('renews before the server stops accepting the old token', async () => {
    const refreshTokens: string[] = []
    const flow = await startInstalledAppFlow({
      client: shortLived.client,
      clientSecret: null,
      onRefreshToken: async (token) => {
        refreshTokens.push(token)
      },
    })
    await shortLived.approve(flow.authorizeUrl)
    await flow.done
    let stored = refreshTokens[0] as string
    const source = new OAuthTokenSource({
      client: shortLived.client,
      clientSecret: null,
      loadRefreshToken: async () => stored,
      saveRefreshToken: async (token) => {
        stored = token
      },
      now: Date.now,
    })
    const issuedAt = Date.now()
    const first = await source.accessToken(new AbortController().signal)
    expect(await shortLived.userinfoStatus(first)).toBe(200)
    expect(await source.accessToken(new AbortController().signal)).toBe(first)
    // Past the renewal point (half the life), well before the server's expiry.
    await new Promise((resolve) => setTimeout(resolve, 2_300))
    const second = await source.accessToken(new AbortController().signal)
    expect(second).not.toBe(first)
    // The old token still works at this moment: the renewal came before expiry, not after a refusal.
    expect(await shortLived.userinfoStatus(first)).toBe(200)
    expect(Date.now() - issuedAt).toBeLessThan(lifetimeSeconds * 1000)
    expect(await shortLived.userinfoStatus(second)).toBe(200)
  })
})
