/**
 * One form POST to the OAuth token endpoint (RFC 6749 §4.1.3 and §6), with every failure turned into a
 * ConnectorError. The request and the answer carry codes, verifiers and tokens: error texts are built from
 * the status and the `error` fields only, and any value we sent is cut out of what the server said.
 */
import type { OAuthClientConfig } from '../../../../shared/model/calendar-config'
import type { Localized } from '../../../../shared/model/localized'
import { ConnectorError } from '../connector-error'
import { networkCause } from '../network-cause'
import { redactorFor } from '../redaction'
import { withRedirectPolicy } from '../redirect-policy'
import { oauthMessages } from './oauth-messages'

export interface TokenRequest {
  readonly client: OAuthClientConfig
  /** Google's desktop clients have one (sent as client_secret); null for a public client. */
  readonly clientSecret: string | null
  /** grant_type and the grant's own parameters (code + verifier, or refresh_token). */
  readonly grant: Readonly<Record<string, string>>
  /** What `invalid_grant` means for this grant, for the administrator. */
  readonly invalidGrant: Localized
  readonly fetch: typeof fetch
  readonly signal?: AbortSignal
}

export interface TokenAnswer {
  readonly accessToken: string
  /** Present after a code exchange with access_type=offline, and when the server rotates refresh tokens. */
  readonly refreshToken: string | null
  readonly expiresInSeconds: number | null
}

const requestTimeoutMs = 30_000
/** Parameters that are not secret; every other value sent is cut out of server answers. */
const publicParams = new Set(['grant_type', 'client_id', 'redirect_uri'])

export async function requestTokens(request: TokenRequest): Promise<TokenAnswer> {
  const { client, clientSecret } = request
  const url = withoutQuery(client.tokenEndpoint)
  const form = new URLSearchParams({ ...request.grant, client_id: client.clientId })
  if (clientSecret !== null && clientSecret !== '') form.set('client_secret', clientSecret)
  const secrets = [...form].filter(([name]) => !publicParams.has(name)).map(([, value]) => value)

  const timeout = AbortSignal.timeout(requestTimeoutMs)
  let status: number
  let text: string
  try {
    const response = await withRedirectPolicy(request.fetch)(client.tokenEndpoint, {
      method: 'POST',
      body: form,
      headers: { accept: 'application/json' },
      signal: request.signal ? AbortSignal.any([request.signal, timeout]) : timeout,
    })
    status = response.status
    text = await response.text()
  } catch (error) {
    request.signal?.throwIfAborted()
    if (error instanceof ConnectorError) throw error
    const cause = networkCause(error)
    const reason = timeout.aborted
      ? `no answer within ${requestTimeoutMs / 1000} s`
      : (cause.code ?? cause.message)
    throw new ConnectorError(
      'transient',
      oauthMessages.endpointUnreachable(url, reason),
      `POST ${url}: ${reason}`,
    )
  }
  const body = parseJson(text)
  if (status >= 200 && status < 300) return tokenAnswer(url, status, body)
  throw refusal(request, url, status, body, text, secrets)
}

function tokenAnswer(url: string, status: number, body: Record<string, unknown> | null): TokenAnswer {
  const accessToken = body?.access_token
  if (typeof accessToken !== 'string' || accessToken === '') {
    const fields = body === null ? 'not JSON' : `fields: ${Object.keys(body).join(', ') || 'none'}`
    throw new ConnectorError(
      'permanent',
      oauthMessages.answerInvalid(url),
      `POST ${url} → ${status} (${fields})`,
      status,
    )
  }
  const refreshToken =
    typeof body?.refresh_token === 'string' && body.refresh_token !== '' ? body.refresh_token : null
  const expiresIn = Number(body?.expires_in)
  return {
    accessToken,
    refreshToken,
    expiresInSeconds: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : null,
  }
}

function refusal(
  request: TokenRequest,
  url: string,
  status: number,
  body: Record<string, unknown> | null,
  text: string,
  secrets: readonly string[],
): ConnectorError {
  // Secrets are cut out before anything is shortened, so no part of one can remain.
  const said = (value: string): string => redactorFor(secrets)(value).trim().slice(0, 300)
  const error = typeof body?.error === 'string' ? said(body.error).slice(0, 60) : `HTTP ${status}`
  const description = typeof body?.error_description === 'string' ? said(body.error_description) : null
  const detail = body?.error === undefined ? said(text) : error
  const answer = `POST ${url} → ${status} ${description === null ? detail : `${detail}: ${description}`}`
  const fail = (kind: ConnectorError['kind'], message: Localized): ConnectorError =>
    new ConnectorError(kind, message, answer, status)
  if (status === 429) return fail('quota', oauthMessages.endpointBusy)
  if (status >= 500) return fail('transient', oauthMessages.endpointFailed(status))
  if (error === 'invalid_grant') return fail('auth', request.invalidGrant)
  if (error === 'invalid_client' || error === 'unauthorized_client' || status === 401) {
    return fail('auth', oauthMessages.clientRefused(error))
  }
  return fail('permanent', oauthMessages.requestRefused(error))
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null
  } catch {
    return null
  }
}

/** The endpoint as shown to the admin: no query, no user:pass. */
function withoutQuery(endpoint: string): string {
  try {
    const url = new URL(endpoint)
    return `${url.protocol}//${url.host}${url.pathname}`
  } catch {
    return endpoint
  }
}
