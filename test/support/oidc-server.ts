/**
 * A real OAuth 2.0 authorization server for tests: oidc-provider on 127.0.0.1 and a free port, with one
 * native public client the way Google registers a desktop app (loopback redirect, any port — RFC 8252
 * §7.3; PKCE S256 required). Refresh tokens follow Google's rules: only with `access_type=offline`, and
 * (oidc-provider's own rule for `offline_access`) only when the request carries `prompt=consent`.
 * `approve` plays the user in a browser through oidc-provider's development login and consent pages.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider, { errors } from 'oidc-provider'
import type { OAuthClientConfig } from '../../src/shared/model/calendar-config'

export interface OidcServerOptions {
  /** Lifetime of access tokens (default 3600 s, Google's). */
  readonly accessTokenTtlSeconds?: number
}

export interface ApproveOptions {
  /** Press "Cancel" on the consent page instead of "Continue" (the provider answers access_denied). */
  readonly deny?: boolean
}

/** What the app's loopback listener answered the browser. */
export interface LoopbackPage {
  readonly status: number
  readonly html: string
}

export interface RunningOidcServer {
  readonly issuer: string
  readonly authorizationEndpoint: string
  readonly tokenEndpoint: string
  readonly userinfoEndpoint: string
  readonly clientId: string
  /** The client settings Renkei would hold for this server (a public client). */
  readonly client: OAuthClientConfig
  /** A second client that, like Google's desktop apps, must also send its client secret (client_secret_post). */
  readonly clientWithSecret: { readonly client: OAuthClientConfig; readonly secret: string }
  /** Signs in, consents (or cancels) and follows redirects until the browser reaches the app's redirect URI. */
  approve(authorizeUrl: string, options?: ApproveOptions): Promise<LoopbackPage>
  /** HTTP status of the userinfo endpoint called with this access token (200: the token works). */
  userinfoStatus(accessToken: string): Promise<number>
  /** Revokes a refresh token at the revocation endpoint (RFC 7009), which ends its whole grant. */
  revoke(refreshToken: string): Promise<void>
  stop(): Promise<void>
}

const clientId = 'renkei-desktop'
const secretClientId = 'renkei-desktop-with-secret'
const clientSecret = 'test-client-secret-5f1c2a9e'
const accountId = 'alice'

/** Google issues a refresh token only for access_type=offline: without it, drop the scope that asks for one. */
async function googleAccessType(ctx: unknown, value: string | undefined): Promise<void> {
  if (value !== undefined && value !== 'online' && value !== 'offline') {
    throw new errors.InvalidRequest('access_type must be online or offline')
  }
  const params = (ctx as { oidc: { params: { scope?: string } } }).oidc.params
  if (value !== 'offline' && params.scope !== undefined) {
    params.scope = params.scope
      .split(' ')
      .filter((scope) => scope !== 'offline_access')
      .join(' ')
  }
}

function configuration(redirectUri: string, accessTokenTtlSeconds: number): Record<string, unknown> {
  const nativeClient = {
    application_type: 'native',
    // Registered without a port: oidc-provider accepts any port on a loopback host for native clients.
    redirect_uris: [redirectUri],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
  }
  return {
    clients: [
      { ...nativeClient, client_id: clientId, token_endpoint_auth_method: 'none' },
      {
        ...nativeClient,
        client_id: secretClientId,
        client_secret: clientSecret,
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    pkce: { required: () => true },
    extraParams: { access_type: googleAccessType },
    findAccount: async (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: async () => ({ sub }),
    }),
    features: { devInteractions: { enabled: true }, revocation: { enabled: true } },
    rotateRefreshToken: true,
    ttl: {
      AccessToken: accessTokenTtlSeconds,
      AuthorizationCode: 60,
      IdToken: 3600,
      RefreshToken: 14 * 24 * 3600,
      Grant: 14 * 24 * 3600,
      Session: 24 * 3600,
      Interaction: 600,
    },
    // The default 15 s of tolerance would keep an expired short-lived token working; one clock here.
    clockTolerance: 0,
    cookies: { keys: ['renkei-test-cookie-key'] },
  }
}

export async function startOidcServer(options: OidcServerOptions = {}): Promise<RunningOidcServer> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const provider = new Provider(
    issuer,
    configuration('http://127.0.0.1/oauth2/callback', options.accessTokenTtlSeconds ?? 3600),
  )
  provider.on('server_error', (_ctx, error) => console.error('oidc-provider server_error', error))
  server.on('request', provider.callback())

  const endpoint = (path: string): string => `${issuer}${path}`
  const client: OAuthClientConfig = {
    clientId,
    authorizationEndpoint: endpoint('/auth'),
    tokenEndpoint: endpoint('/token'),
    scope: 'openid offline_access',
  }
  return {
    issuer,
    authorizationEndpoint: client.authorizationEndpoint,
    tokenEndpoint: client.tokenEndpoint,
    userinfoEndpoint: endpoint('/me'),
    clientId,
    client,
    clientWithSecret: { client: { ...client, clientId: secretClientId }, secret: clientSecret },
    approve: (authorizeUrl, approveOptions = {}) => browse(issuer, authorizeUrl, approveOptions),
    userinfoStatus: async (accessToken) =>
      (await fetch(endpoint('/me'), { headers: { authorization: `Bearer ${accessToken}` } })).status,
    revoke: async (refreshToken) => {
      const response = await fetch(endpoint('/token/revocation'), {
        method: 'POST',
        body: new URLSearchParams({ token: refreshToken, client_id: clientId }),
      })
      if (response.status !== 200) throw new Error(`revocation answered ${response.status}`)
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}

interface BrowserRequest {
  readonly url: URL
  readonly form?: URLSearchParams
}

/** A browser reduced to what the flow needs: cookies, redirects, and the two development forms. */
async function browse(issuer: string, authorizeUrl: string, options: ApproveOptions): Promise<LoopbackPage> {
  const cookies = new Map<string, string>()
  let request: BrowserRequest = { url: new URL(authorizeUrl) }
  for (let step = 0; step < 20; step++) {
    const response = await fetch(request.url, {
      method: request.form ? 'POST' : 'GET',
      ...(request.form ? { body: request.form } : {}),
      headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
      redirect: 'manual',
    })
    keepCookies(cookies, response.headers.getSetCookie())
    const html = await response.text()
    if (request.url.origin !== issuer) return { status: response.status, html }
    const location = response.headers.get('location')
    if (response.status >= 300 && response.status < 400 && location !== null) {
      request = { url: new URL(location, request.url) }
      continue
    }
    if (response.status !== 200)
      throw new Error(`oidc-provider answered ${response.status}: ${html.slice(0, 800)}`)
    request = nextInteraction(html, request.url, options)
  }
  throw new Error('the authorization did not reach the redirect URI within 20 steps')
}

function nextInteraction(html: string, page: URL, options: ApproveOptions): BrowserRequest {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1]
  const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1]
  if (action === undefined || prompt === undefined)
    throw new Error(`no interaction form: ${html.slice(0, 800)}`)
  if (prompt === 'consent' && options.deny) {
    const cancel = /href="([^"]+)">\[ Cancel \]/.exec(html)?.[1]
    if (cancel === undefined) throw new Error('no Cancel link on the consent page')
    return { url: new URL(unescapeHtml(cancel), page) }
  }
  const form = new URLSearchParams({ prompt })
  if (prompt === 'login') {
    form.set('login', accountId)
    form.set('password', 'any')
  }
  return { url: new URL(unescapeHtml(action), page), form }
}

function keepCookies(cookies: Map<string, string>, setCookies: readonly string[]): void {
  for (const header of setCookies) {
    const [pair = '', ...attributes] = header.split(';')
    const equals = pair.indexOf('=')
    const name = pair.slice(0, equals).trim()
    const value = pair.slice(equals + 1).trim()
    const expired = attributes.some((attribute) => /^\s*expires=Thu, 01 Jan 1970/i.test(attribute))
    if (value === '' || expired) cookies.delete(name)
    else cookies.set(name, value)
  }
}

const unescapeHtml = (text: string): string =>
  text.replaceAll('&amp;', '&').replaceAll('&#x2F;', '/').replaceAll('&#39;', "'").replaceAll('&quot;', '"')
