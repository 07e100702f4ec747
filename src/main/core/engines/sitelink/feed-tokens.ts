/**
 * The secret part of a partner feed URL. A token names its feed (link id, partner employee key or the
 * whole site) and carries an HMAC-SHA256 of that name under the keychain key `sitelink.feed-key`: nothing
 * is stored per feed, and clearing the key (a new one is made on next use) revokes every URL at once.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { feedKeySecret } from '../../../../shared/model/sitelink'
import type { SecretStore } from '../../secrets/secret-store'

/** Which feed a token opens: one partner employee, or (null) the whole partner site. */
export interface FeedName {
  readonly linkId: string
  readonly employeeKey: string | null
}

/** What the MAC covers: JSON, so no link id or employee key can pass for another pair of them. */
function nameText(name: FeedName): string {
  return JSON.stringify([name.linkId, name.employeeKey ?? '*'])
}

function mac(key: string, text: string): Buffer {
  return createHmac('sha256', Buffer.from(key, 'base64url')).update(text, 'utf8').digest()
}

export class FeedTokens {
  private creating: Promise<string> | null = null

  constructor(private readonly secrets: SecretStore) {}

  /** `<name>.<mac>`, both base64url: safe in a URL path segment. */
  async tokenFor(name: FeedName): Promise<string> {
    const text = nameText(name)
    const key = await this.key()
    return `${Buffer.from(text, 'utf8').toString('base64url')}.${mac(key, text).toString('base64url')}`
  }

  /** The feed a token opens; null for anything else (a wrong, altered or revoked token). */
  async verify(token: string): Promise<FeedName | null> {
    const [encodedName, encodedMac, extra] = token.split('.')
    if (!encodedName || !encodedMac || extra !== undefined) return null
    const key = await this.secrets.get(feedKeySecret)
    if (key === null) return null
    const text = Buffer.from(encodedName, 'base64url').toString('utf8')
    const expected = mac(key, text)
    const given = Buffer.from(encodedMac, 'base64url')
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
    const parsed: unknown = JSON.parse(text)
    if (!Array.isArray(parsed) || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string') return null
    return { linkId: parsed[0], employeeKey: parsed[1] === '*' ? null : parsed[1] }
  }

  /** The key, made on first use; concurrent first uses share one. */
  private async key(): Promise<string> {
    const stored = await this.secrets.get(feedKeySecret)
    if (stored !== null) return stored
    this.creating ??= (async () => {
      const key = randomBytes(32).toString('base64url')
      await this.secrets.set(feedKeySecret, key)
      return key
    })().finally(() => {
      this.creating = null
    })
    return this.creating
  }
}
