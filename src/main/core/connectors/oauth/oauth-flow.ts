/**
 * OAuth 2.0 for installed apps (RFC 8252): authorization code with PKCE S256 and a loopback redirect.
 * Renkei keeps only the refresh token (handed to `onRefreshToken` for the keychain); access tokens are
 * fetched from it when needed (token-source.ts).
 */
import type { OAuthClientConfig } from '../../../../shared/model/calendar-config'
import { ConnectorError } from '../connector-error'
import { listenForRedirect } from './loopback-redirect'
import { oauthMessages } from './oauth-messages'
import { createPkcePair, createState, type PkcePair } from './pkce'
import { requestTokens } from './token-endpoint'

export interface InstalledAppFlowOptions {
  readonly client: OAuthClientConfig
  readonly clientSecret: string | null
  /** Stores the refresh token (keychain); the flow fails if this does. */
  readonly onRefreshToken: (refreshToken: string) => Promise<void>
  /** How long the loopback listener waits for the browser (default 10 minutes). */
  readonly timeoutMs?: number
  readonly signal?: AbortSignal
  readonly fetch?: typeof fetch
}

export interface InstalledAppFlow {
  /** Open this in the user's browser. */
  readonly authorizeUrl: string
  readonly redirectUri: string
  /** Resolves once the refresh token is stored; rejects with a ConnectorError (or the abort reason). */
  readonly done: Promise<void>
}

/** Starts listening on the loopback redirect and returns the URL to open; the rest happens in `done`. */
export async function startInstalledAppFlow(options: InstalledAppFlowOptions): Promise<InstalledAppFlow> {
  const { client } = options
  if (client.clientId.trim() === '') throw new ConnectorError('permanent', oauthMessages.missingClientId)
  // Parsed before listening, so a broken endpoint cannot leave a listener waiting for nothing.
  const authorizationEndpoint = new URL(client.authorizationEndpoint)
  const pkce = createPkcePair()
  const state = createState()
  const redirect = await listenForRedirect({ state, timeoutMs: options.timeoutMs, signal: options.signal })
  const authorizeUrl = authorizationUrl(authorizationEndpoint, client, redirect.redirectUri, state, pkce)
  const done = redirect.code.then(async (code) => {
    const tokens = await requestTokens({
      client,
      clientSecret: options.clientSecret,
      grant: {
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirect.redirectUri,
        code_verifier: pkce.verifier,
      },
      invalidGrant: oauthMessages.codeRefused,
      fetch: options.fetch ?? fetch,
      signal: options.signal,
    })
    if (tokens.refreshToken === null) throw new ConnectorError('auth', oauthMessages.noRefreshToken)
    await options.onRefreshToken(tokens.refreshToken)
  })
  return { authorizeUrl, redirectUri: redirect.redirectUri, done }
}

function authorizationUrl(
  endpoint: URL,
  client: OAuthClientConfig,
  redirectUri: string,
  state: string,
  pkce: PkcePair,
): string {
  const url = new URL(endpoint)
  const params = {
    response_type: 'code',
    client_id: client.clientId,
    redirect_uri: redirectUri,
    scope: client.scope,
    state,
    code_challenge: pkce.challenge,
    code_challenge_method: pkce.method,
    // Google returns a refresh token only for offline access, and again after the first time only with consent.
    access_type: 'offline',
    prompt: 'consent',
  }
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value)
  return url.href
}
