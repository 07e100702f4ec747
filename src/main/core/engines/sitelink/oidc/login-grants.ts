/**
 * One-time login grants of the handoff: a verified visit waits here (in memory, 2 minutes, single use)
 * under a random 256-bit id that travels as `login_hint` through the relying party back to the provider.
 * A restart forgets them: a visit in progress then asks for a new visit URL.
 */
import { randomBytes } from 'node:crypto'
import type { VerifiedVisit } from '../visits/visit-ports'

export const loginGrantLifetimeMs = 120_000

interface Waiting {
  readonly visit: VerifiedVisit
  readonly clientId: string
  readonly expiresAt: number
}

export type GrantRefusal = 'unknown' | 'expired' | 'other-client'

export class LoginGrants {
  private readonly waiting = new Map<string, Waiting>()

  constructor(private readonly now: () => number) {}

  issue(visit: VerifiedVisit, clientId: string): string {
    this.sweep()
    const id = randomBytes(32).toString('base64url')
    this.waiting.set(id, { visit, clientId, expiresAt: this.now() + loginGrantLifetimeMs })
    return id
  }

  /** Takes the grant (it is gone afterwards, whatever the answer), for the client it was issued to. */
  take(id: string, clientId: string): { visit: VerifiedVisit } | { refused: GrantRefusal } {
    const found = this.waiting.get(id)
    this.waiting.delete(id)
    if (found === undefined) return { refused: 'unknown' }
    if (found.expiresAt <= this.now()) return { refused: 'expired' }
    if (found.clientId !== clientId) return { refused: 'other-client' }
    return { visit: found.visit }
  }

  private sweep(): void {
    const now = this.now()
    for (const [id, grant] of this.waiting) if (grant.expiresAt <= now) this.waiting.delete(id)
  }
}
