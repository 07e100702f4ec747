import { z } from 'zod'
import type { Localized } from './localized'

/**
 * The partner endpoint (site link): the HTTPS listener partners call. Its certificate is the organisation's
 * own (PEM files, or a PKCS#12 file whose passphrase is the keychain secret below); only paths on this
 * machine are stored here, never a key or a passphrase.
 */

/** Keychain name of the PKCS#12 file's passphrase. */
export const linkEndpointPassphraseSecret = 'sitelink.endpoint.passphrase'
/** Keychain name of this site's Ed25519 private key (PKCS#8 PEM), created on first use. */
export const linkSiteKeySecret = 'sitelink.site-key'

const filePath = z.string().trim().max(1000).default('')

export const linkEndpointCertificate = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pem'), certFile: filePath, keyFile: filePath }).strict(),
  z.object({ kind: z.literal('pkcs12'), file: filePath }).strict(),
])
export type LinkEndpointCertificate = z.infer<typeof linkEndpointCertificate>

export const linkEndpointSettings = z
  .object({
    enabled: z.boolean().default(false),
    /** The address to listen on: 0.0.0.0 / :: for every interface, or one of this machine's addresses. */
    bindAddress: z.string().trim().min(1).max(255).default('0.0.0.0'),
    /** 443 unless a port forward or load balancer maps the public 443 to another port here. */
    port: z.number().int().min(1).max(65535).default(443),
    certificate: linkEndpointCertificate.default({ kind: 'pem', certFile: '', keyFile: '' }),
  })
  .strict()
export type LinkEndpointSettings = z.infer<typeof linkEndpointSettings>
export type LinkEndpointSettingsInput = z.input<typeof linkEndpointSettings>

export interface LinkEndpointState {
  readonly settings: LinkEndpointSettings
  /** Listening now (enabled and started without error). */
  readonly running: boolean
  /** Why an enabled endpoint is not listening (read at start-up or after a change); null otherwise. */
  readonly error: Localized | null
  /** The PKCS#12 passphrase is in the keychain. */
  readonly passphraseSet: boolean
}
