import { randomBytes } from 'node:crypto'
import type { SecretStore } from './secret-store'

/** Keychain entry of the daemon's API token: it survives restarts so bookmarked URLs keep working. */
export const accessTokenSecret = 'daemon.access-token'

export function newAccessToken(): string {
  return randomBytes(32).toString('base64url')
}

/** The token in the keychain, or a new one stored there first. */
export async function loadAccessToken(secrets: SecretStore): Promise<string> {
  const existing = await secrets.get(accessTokenSecret)
  if (existing) return existing
  const token = newAccessToken()
  await secrets.set(accessTokenSecret, token)
  return token
}

/**
 * The transport that checks the token (the daemon) and is told when it is rotated: it starts refusing
 * the old one at once and answers with the URL that opens the UI with the new one.
 */
export interface AccessTokenHolder {
  rotated(token: string): string
}
