import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { SecretStore } from '../../secrets/secret-store'

/** Keychain name of the gadget key (32 random bytes, base64): every gadget URL is signed with it. */
export const gadgetKeySecret = 'notices.gadget.key'

/** Whom a gadget URL shows: one employee's notices, or the admin's health view. */
export type GadgetSubject =
  { readonly kind: 'employee'; readonly employeeKey: string } | { readonly kind: 'admin' }

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url')

function signedText(subject: GadgetSubject): string {
  return subject.kind === 'admin' ? 'a:admin' : `e:${subject.employeeKey}`
}

/**
 * Signed gadget tokens. An employee token carries its employee key (base64url) before the MAC, so a request
 * is checked with one HMAC instead of one per employee: `<key>.<mac>`; the admin token is the MAC alone.
 * No expiry: rotating the key is what ends every URL handed out so far.
 */
export class GadgetTokens {
  private creating: Promise<Buffer> | null = null

  constructor(private readonly secrets: SecretStore) {}

  async token(subject: GadgetSubject): Promise<string> {
    const mac = this.mac(await this.keyOrNew(), subject)
    return subject.kind === 'admin' ? mac : `${b64url(subject.employeeKey)}.${mac}`
  }

  /**
   * The subject a token names, or null when it is malformed or not signed with the current key. The key is
   * read from the keychain each time, so a rotation by another process (the CLI) counts at once.
   */
  async verify(kind: GadgetSubject['kind'], token: string): Promise<GadgetSubject | null> {
    const subject = parse(kind, token)
    if (subject === null) return null
    const key = await this.stored()
    if (key === null) return null
    const expected = Buffer.from(this.mac(key, subject))
    const presented = Buffer.from(kind === 'admin' ? token : token.slice(token.indexOf('.') + 1))
    return presented.length === expected.length && timingSafeEqual(presented, expected) ? subject : null
  }

  /** A new key: every token made so far stops verifying. */
  async rotate(): Promise<void> {
    await this.secrets.set(gadgetKeySecret, randomBytes(32).toString('base64'))
  }

  private mac(key: Buffer, subject: GadgetSubject): string {
    return createHmac('sha256', key).update(signedText(subject), 'utf8').digest('base64url')
  }

  private async stored(): Promise<Buffer | null> {
    const stored = await this.secrets.get(gadgetKeySecret)
    const key = stored === null ? null : Buffer.from(stored, 'base64')
    return key !== null && key.length === 32 ? key : null
  }

  /** Made on first use; concurrent first uses share one new key. */
  private async keyOrNew(): Promise<Buffer> {
    const key = await this.stored()
    if (key !== null) return key
    this.creating ??= (async () => {
      const made = randomBytes(32)
      await this.secrets.set(gadgetKeySecret, made.toString('base64'))
      return made
    })().finally(() => {
      this.creating = null
    })
    return this.creating
  }
}

function parse(kind: GadgetSubject['kind'], token: string): GadgetSubject | null {
  if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)?$/.test(token) || token.length > 1_000) return null
  if (kind === 'admin') return token.includes('.') ? null : { kind: 'admin' }
  const dot = token.indexOf('.')
  if (dot <= 0) return null
  const employeeKey = Buffer.from(token.slice(0, dot), 'base64url').toString('utf8')
  return employeeKey === '' ? null : { kind: 'employee', employeeKey }
}
