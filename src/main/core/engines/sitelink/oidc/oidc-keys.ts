/**
 * The provider's own keys, made on first use and kept in the keychain (never in SQLite): the RS256
 * signing key of ID tokens (`sitelink.oidc.signing-key`, a private JWK) and the key that signs its
 * cookies (`sitelink.oidc.cookie-key`). Deleting either ends sign-ins in progress; a new one is made.
 */
import { createHash, generateKeyPairSync, randomBytes, type JsonWebKey } from 'node:crypto'
import type { SecretStore } from '../../../secrets/secret-store'

export const signingKeySecret = 'sitelink.oidc.signing-key'
export const cookieKeySecret = 'sitelink.oidc.cookie-key'

export interface OidcKeys {
  readonly signingJwk: JsonWebKey
  readonly cookieKey: string
}

/** RFC 7638 thumbprint of an RSA public key: a stable `kid` for relying parties' key caches. */
function thumbprint(jwk: JsonWebKey): string {
  const canonical = JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n })
  return createHash('sha256').update(canonical).digest('base64url')
}

async function stored(secrets: SecretStore, name: string, make: () => string): Promise<string> {
  const existing = await secrets.get(name)
  if (existing !== null) return existing
  const made = make()
  await secrets.set(name, made)
  return made
}

export async function loadOidcKeys(secrets: SecretStore): Promise<OidcKeys> {
  const signing = await stored(secrets, signingKeySecret, () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const jwk = privateKey.export({ format: 'jwk' })
    return JSON.stringify({ ...jwk, kid: thumbprint(jwk), alg: 'RS256', use: 'sig' })
  })
  const cookieKey = await stored(secrets, cookieKeySecret, () => randomBytes(32).toString('base64url'))
  return { signingJwk: JSON.parse(signing) as JsonWebKey, cookieKey }
}
