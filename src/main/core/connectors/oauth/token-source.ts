/**
 * Access tokens for CalDAV requests (CalDavAuth 'bearer'), made from the stored refresh token. The access
 * token stays in memory only and is renewed a little before it expires, so a sync never starts with a token
 * that dies half-way; callers arriving during a renewal wait for that one instead of starting their own.
 */
import type { OAuthClientConfig } from '../../../../shared/model/calendar-config'
import { ConnectorError } from '../connector-error'
import { oauthMessages } from './oauth-messages'
import { requestTokens } from './token-endpoint'

export interface OAuthTokenSourceOptions {
  readonly client: OAuthClientConfig
  readonly clientSecret: string | null
  readonly loadRefreshToken: () => Promise<string | null>
  /** Called when the server rotates the refresh token: the old one stops working. */
  readonly saveRefreshToken: (token: string) => Promise<void>
  /** Milliseconds since the epoch; injected so tests can move time. */
  readonly now: () => number
  /** Renew this long before expiry (default 300 s). */
  readonly refreshMarginSeconds?: number
  readonly fetch?: typeof fetch
}

interface CachedToken {
  readonly token: string
  readonly renewAtMs: number
}

export class OAuthTokenSource {
  private cached: CachedToken | null = null
  private renewal: Promise<string> | null = null

  constructor(private readonly options: OAuthTokenSourceOptions) {}

  /** A usable access token. The renewal itself is shared, so one caller's abort only stops its own wait. */
  async accessToken(signal: AbortSignal): Promise<string> {
    signal.throwIfAborted()
    const cached = this.cached
    if (cached !== null && this.options.now() < cached.renewAtMs) return cached.token
    this.renewal ??= this.renew().finally(() => {
      this.renewal = null
    })
    return untilAborted(this.renewal, signal)
  }

  private async renew(): Promise<string> {
    const refreshToken = await this.options.loadRefreshToken()
    if (refreshToken === null || refreshToken === '') {
      throw new ConnectorError('auth', oauthMessages.notAuthorized)
    }
    const requestedAtMs = this.options.now()
    const tokens = await requestTokens({
      client: this.options.client,
      clientSecret: this.options.clientSecret,
      grant: { grant_type: 'refresh_token', refresh_token: refreshToken },
      invalidGrant: oauthMessages.authorizationRevoked,
      fetch: this.options.fetch ?? fetch,
    })
    if (tokens.refreshToken !== null && tokens.refreshToken !== refreshToken) {
      await this.options.saveRefreshToken(tokens.refreshToken)
    }
    const keepSeconds = this.keepSeconds(tokens.expiresInSeconds)
    this.cached = { token: tokens.accessToken, renewAtMs: requestedAtMs + keepSeconds * 1000 }
    return tokens.accessToken
  }

  /**
   * Lifetime minus the margin; at least half the lifetime, so a token shorter than twice the margin is still
   * reused. Without expires_in (which Google always sends) the token is kept for the margin only.
   */
  private keepSeconds(expiresInSeconds: number | null): number {
    const margin = this.options.refreshMarginSeconds ?? 300
    if (expiresInSeconds === null) return margin
    return Math.max(expiresInSeconds - margin, expiresInSeconds / 2)
  }
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    void promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}
