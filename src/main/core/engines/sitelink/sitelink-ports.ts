/**
 * The ports the site link engine talks through. `core/connectors/peer` implements the partner ones over
 * HTTPS with RFC 9421 signatures; `core/app.ts` picks the concrete connectors.
 */

/** One request to a partner; `path` is relative to the partner's link URL (e.g. `renkei-link/v1/accept`). */
export interface PartnerRequest {
  readonly method: 'GET' | 'POST'
  readonly path: string
  readonly body?: unknown
}

/**
 * Outbound calls to partners, through the one network layer (trusted CAs, proxies). Failures throw
 * `PartnerRequestError` (connectors/peer) with a ja/en reason: untrusted or self-signed certificate,
 * a partner behind Basic authentication, unreachable, or the partner's own refusal.
 */
export interface PartnerClient {
  /** Unsigned GET of a handshake resource: loading a request URL sends nothing about this site. */
  getPublic(url: string): Promise<unknown>
  /** Signed with this site's key (Ed25519, RFC 9421: method, path, content digest, created, nonce). */
  send(linkUrl: string, request: PartnerRequest): Promise<unknown>
}

export interface InboundPartnerRequest {
  readonly method: 'GET' | 'POST'
  /** Path below the listener's base path, e.g. `renkei-link/v1/batches`. */
  readonly path: string
  /** Values of `:name` segments of the route's path pattern. */
  readonly params: Readonly<Record<string, string>>
  readonly body: unknown
  /** The verified signer's key id (base64url SHA-256 of the SPKI public key); null on unsigned routes. */
  readonly keyId: string | null
  readonly remoteAddress: string
  /** The request's Accept header (a visit answers JSON or HTML by it); absent or null = none sent. */
  readonly accept?: string | null
}

export interface PartnerResponse {
  readonly status: number
  /** JSON body; or `text` with `contentType` (an iCalendar feed); or an `html` page (served with a strict CSP). */
  readonly body?: unknown
  readonly text?: string
  readonly contentType?: string
  readonly html?: string
  /** Extra headers, e.g. `location` of a redirect; `cache-control: no-store` always stays. */
  readonly headers?: Readonly<Record<string, string>>
}

/**
 * How an inbound route is authenticated:
 * - `partner`: signed by a key a linked partner registered (looked up with `PartnerKeys`);
 * - `presented`: signed by the key the JSON body presents as `publicKey` (PEM) — the accept call of the
 *   handshake, where the key is bound to the one-time token inside the same signed body;
 * - `none`: unsigned (loading a request URL, a feed behind its secret URL).
 */
export type PartnerRouteAuth = 'partner' | 'presented' | 'none'

export interface PartnerRoute {
  readonly method: 'GET' | 'POST'
  /** Below the base path, with `:name` segments, e.g. `renkei-link/v1/request/:token`. */
  readonly path: string
  readonly auth: PartnerRouteAuth
  handle(request: InboundPartnerRequest): Promise<PartnerResponse>
}

/** Public keys of linked partners, by key id; null = unknown (the request is refused and recorded). */
export interface PartnerKeys {
  publicKeyFor(keyId: string): string | null
}

/** This site's Ed25519 key pair; the private key stays in the keychain and never leaves the connector. */
export interface SiteKey {
  /** Creates the key pair on first use. `keyId` = base64url SHA-256 of the SPKI DER public key. */
  publicKey(): Promise<{ readonly pem: string; readonly keyId: string }>
  /** Ed25519 signature of `data` with the private key (one-time visit tokens). */
  sign(data: Uint8Array): Promise<Uint8Array>
}

/**
 * Which machine and folder this data directory runs in (test copies): a change means it was copied or
 * restored elsewhere, and its links must not talk to partners as the production site. An opaque digest.
 */
export interface MachineIdentity {
  current(): string
}

/**
 * A raw handler below the base path (the OIDC provider mode, which speaks HTTP itself): every request
 * whose path starts with `prefix` goes to it, before the routes, unsigned and unread. The listener hands
 * it `req.url` relative to the mount and the original in `req.originalUrl` (as Express does).
 */
export interface PartnerMount {
  /** Below the base path, no leading or trailing "/", e.g. `renkei-link/v1/oidc`. */
  readonly prefix: string
  handle(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): void
}
