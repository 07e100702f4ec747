/**
 * A partner's groupware as an OpenID Connect relying party, for the provider mode tests: openid-client
 * (panva, v6) behind a small HTTP server on a loopback address. Its initiate login URI answers a
 * third-party initiated login (OIDC Core §4) with an authorization URL that carries the login hint on;
 * its redirect URI exchanges the code (client_secret_basic) and validates the ID token (signature,
 * issuer, audience, nonce), then answers the claims as JSON — or the exchange's error.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import * as oidc from 'openid-client'
import { Agent, fetch as undiciFetch } from 'undici'

export interface RelyingParty {
  /** e.g. http://127.0.4.14:41234 */
  readonly origin: string
  readonly initiateLoginUri: string
  readonly redirectUri: string
  /** Discovery at the issuer (done on the first sign-in otherwise). */
  discover(): Promise<oidc.Configuration>
  stop(): Promise<void>
}

export interface RelyingPartyOptions {
  readonly address: string
  readonly issuer: string
  readonly clientId: string
  readonly clientSecret: string
  /** The CA the provider's certificate comes from. */
  readonly caPem: string
}

/** fetch that trusts the test CA only (openid-client takes any fetch through `customFetch`). */
export function fetchTrusting(caPem: string): typeof undiciFetch {
  const dispatcher = new Agent({ connect: { ca: caPem } })
  return ((input: Parameters<typeof undiciFetch>[0], init?: Parameters<typeof undiciFetch>[1]) =>
    undiciFetch(input, { ...init, dispatcher })) as typeof undiciFetch
}

export async function startRelyingParty(options: RelyingPartyOptions): Promise<RelyingParty> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, options.address, resolve))
  const origin = `http://${options.address}:${(server.address() as AddressInfo).port}`
  const redirectUri = `${origin}/callback`
  const trustingFetch = fetchTrusting(options.caPem)
  const waiting = new Map<string, { nonce: string }>()
  let config: oidc.Configuration | null = null
  const discover = async (): Promise<oidc.Configuration> =>
    (config ??= await oidc.discovery(
      new URL(options.issuer),
      options.clientId,
      undefined,
      oidc.ClientSecretBasic(options.clientSecret),
      { [oidc.customFetch]: trustingFetch as unknown as oidc.CustomFetch },
    ))

  const answer = (res: ServerResponse, status: number, body: unknown, location?: string): void => {
    res.writeHead(status, {
      'content-type': 'application/json',
      ...(location === undefined ? {} : { location }),
    })
    res.end(JSON.stringify(body))
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', origin)
    if (url.pathname === '/initiate') {
      if (url.searchParams.get('iss') !== options.issuer) return answer(res, 400, { error: 'wrong iss' })
      const configuration = await discover()
      const state = oidc.randomState()
      const nonce = oidc.randomNonce()
      waiting.set(state, { nonce })
      const authorize = oidc.buildAuthorizationUrl(configuration, {
        redirect_uri: redirectUri,
        scope: 'openid profile email',
        state,
        nonce,
        login_hint: url.searchParams.get('login_hint') ?? '',
      })
      return answer(res, 302, {}, authorize.href)
    }
    if (url.pathname === '/callback') {
      const state = url.searchParams.get('state') ?? ''
      const expected = waiting.get(state)
      waiting.delete(state)
      if (expected === undefined) return answer(res, 400, { error: 'unknown state' })
      try {
        const tokens = await oidc.authorizationCodeGrant(await discover(), url, {
          expectedState: state,
          expectedNonce: expected.nonce,
          idTokenExpected: true,
        })
        return answer(res, 200, { claims: tokens.claims() })
      } catch (error) {
        return answer(res, 400, failureOf(error))
      }
    }
    answer(res, 404, { error: 'not found' })
  }
  server.on('request', (req, res) => {
    handle(req, res).catch((error: unknown) => answer(res, 500, { error: String(error) }))
  })
  return {
    origin,
    initiateLoginUri: `${origin}/initiate`,
    redirectUri,
    discover,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

/** An exchange refused by the provider: its OAuth error (from the body or the WWW-Authenticate challenge). */
function failureOf(error: unknown): { error: string; status?: number } {
  const failure = error as { error?: string; code?: string; status?: number; cause?: unknown }
  const challenge = Array.isArray(failure.cause)
    ? (failure.cause[0] as { parameters?: { error?: string } } | undefined)?.parameters?.error
    : undefined
  return {
    error: failure.error ?? challenge ?? failure.code ?? String(error),
    ...(failure.status === undefined ? {} : { status: failure.status }),
  }
}

export interface BrowsedPage {
  readonly status: number
  readonly url: string
  readonly text: string
  /** Every URL the browser went through, in order. */
  readonly trail: readonly string[]
}

/** A browser reduced to redirects and cookies (pass the same jar to play one browser across visits). */
export async function browse(
  start: string,
  caPem: string,
  cookies = new Map<string, string>(),
): Promise<BrowsedPage> {
  const trustingFetch = fetchTrusting(caPem)
  const trail: string[] = []
  let request: { url: URL; form?: URLSearchParams } = { url: new URL(start) }
  for (let step = 0; step < 20; step++) {
    const { url, form } = request
    trail.push(url.href)
    const response = await trustingFetch(url, {
      method: form ? 'POST' : 'GET',
      ...(form ? { body: form } : {}),
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
    })
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';')
      const equals = pair.indexOf('=')
      const value = pair.slice(equals + 1).trim()
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(header)) cookies.delete(pair.slice(0, equals))
      else cookies.set(pair.slice(0, equals).trim(), value)
    }
    const location = response.headers.get('location')
    const text = await response.text()
    if (response.status >= 300 && response.status < 400 && location !== null) {
      request = { url: new URL(location, url) }
      continue
    }
    const submitted = autoSubmitted(text, url)
    if (response.status === 200 && submitted !== null) {
      request = submitted
      continue
    }
    return { status: response.status, url: url.href, text, trail }
  }
  throw new Error(`no final page within 20 redirects: ${trail.join(' → ')}`)
}

/** A page whose script submits its form on load (oidc-provider's logout of a previous account). */
function autoSubmitted(html: string, page: URL): { url: URL; form: URLSearchParams } | null {
  if (!html.includes('document.forms[0].submit()')) return null
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1]
  if (action === undefined) return null
  const form = new URLSearchParams()
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g)) {
    form.set(name!, value!)
  }
  return { url: new URL(action, page), form }
}

export const randomSecret = (): string => randomBytes(24).toString('base64url')
