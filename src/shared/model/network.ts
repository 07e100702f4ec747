import { z } from 'zod'

/**
 * The one network layer's settings: how outbound HTTP(S) finds its proxy, and the CAs trusted besides the
 * system's. The manual proxy's password is never here but the keychain secret `networkProxyPasswordSecret`.
 * 'system' (the OS proxy settings and PAC) exists only where the host resolves proxies (the desktop app).
 */
export const proxyModes = ['none', 'environment', 'system', 'manual'] as const
export type ProxyMode = (typeof proxyModes)[number]

/** Keychain name of the manual proxy's Basic password (used only when a user name is set). */
export const networkProxyPasswordSecret = 'network.proxy.password'

export const networkSettings = z
  .object({
    mode: z.enum(proxyModes).default('environment'),
    /** http://host:port of the manual proxy; no credentials (the password lives in the keychain). */
    proxyUrl: z.string().trim().max(2000).default(''),
    /** Empty: the proxy takes requests without Basic authentication. */
    proxyUsername: z.string().trim().max(200).default(''),
    /** Host names, domains (.corp.example) and addresses that bypass the proxy; '*' bypasses it for all. */
    noProxy: z.array(z.string().trim().min(1).max(253)).max(500).default([]),
  })
  .strict()
export type NetworkSettings = z.infer<typeof networkSettings>
export type NetworkSettingsInput = z.input<typeof networkSettings>

/** One certificate of a trusted CA bundle, as the Settings list shows it. */
export interface CertificateSummary {
  readonly subject: string
  readonly issuer: string
  /** ISO 8601. */
  readonly validTo: string
  readonly fingerprint: string
}

/** A CA the admin added (a PEM may hold several certificates; `id` is the first one's fingerprint). */
export interface TrustedCa {
  readonly id: string
  readonly certificates: readonly CertificateSummary[]
  readonly addedAt: number
}

export interface NetworkState {
  readonly settings: NetworkSettings
  readonly trustedCas: readonly TrustedCa[]
  /** The host resolves the OS proxy settings ('system' mode can be chosen). */
  readonly systemAvailable: boolean
  readonly passwordSet: boolean
}

/** Which way a request went: straight to the server, or through which proxy (no credentials). */
export type NetworkRoute =
  | { readonly kind: 'direct'; readonly reason: 'mode' | 'no-proxy' | 'no-proxy-for-scheme' | 'system' }
  | { readonly kind: 'proxy'; readonly proxy: string }

export interface NetworkTestResult {
  readonly url: string
  readonly route: NetworkRoute
  /** null when no HTTP answer arrived (see `error`). */
  readonly status: number | null
  /** https only: the server's chain, leaf first, as it was sent. */
  readonly chain: readonly CertificateSummary[]
  readonly trusted: boolean | null
  readonly error: { readonly ja: string; readonly en: string } | null
  readonly elapsedMs: number
}

/** The largest PEM text accepted for one CA bundle. */
export const maxCaPemLength = 200_000
