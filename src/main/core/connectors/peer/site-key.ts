/**
 * This site's Ed25519 key pair. The private key (PKCS#8 PEM) lives only in the keychain and in this
 * process's memory; partners know the site by the key id derived from the public key.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  type KeyObject,
} from 'node:crypto'
import { linkSiteKeySecret } from '../../../../shared/model/sitelink-endpoint'
import type { SiteKey } from '../../engines/sitelink/sitelink-ports'
import type { SecretStore } from '../../secrets/secret-store'

/** base64url SHA-256 of the SPKI DER: the same id whoever computes it from the public key. */
export function keyIdOf(publicKey: string | KeyObject): string {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey
  const der = key.export({ type: 'spki', format: 'der' })
  return createHash('sha256').update(der).digest('base64url')
}

/** What the signer needs; stays inside the peer connector. */
export interface SigningKey {
  readonly keyId: string
  readonly privateKey: KeyObject
}

export class KeychainSiteKey implements SiteKey {
  private loaded: Promise<SigningKey & { readonly pem: string }> | null = null

  constructor(private readonly secrets: SecretStore) {}

  async publicKey(): Promise<{ readonly pem: string; readonly keyId: string }> {
    const { pem, keyId } = await this.load()
    return { pem, keyId }
  }

  async sign(data: Uint8Array): Promise<Uint8Array> {
    const { privateKey } = await this.load()
    return sign(null, data, privateKey)
  }

  async signingKey(): Promise<SigningKey> {
    const { keyId, privateKey } = await this.load()
    return { keyId, privateKey }
  }

  /** One load at a time: two first uses at once must not create two key pairs. */
  private load(): Promise<SigningKey & { readonly pem: string }> {
    this.loaded ??= this.readOrCreate().catch((error: unknown) => {
      this.loaded = null
      throw error
    })
    return this.loaded
  }

  private async readOrCreate(): Promise<SigningKey & { readonly pem: string }> {
    let stored = await this.secrets.get(linkSiteKeySecret)
    if (stored === null) {
      const { privateKey } = generateKeyPairSync('ed25519')
      stored = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
      await this.secrets.set(linkSiteKeySecret, stored)
    }
    const privateKey = createPrivateKey(stored)
    const publicKey = createPublicKey(privateKey)
    return {
      privateKey,
      keyId: keyIdOf(publicKey),
      pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    }
  }
}
