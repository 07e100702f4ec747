/**
 * Mailman knows people by e-mail address, the room store by employee key: the home directory joins the two.
 * A subscriber the directory does not know (added by hand in Postorius, or gone from the directory) is named
 * by their address, and that address is taken back as a key, so whatever `read` reports can be removed.
 */
import type { HomeDirectoryRepository } from '../../directory/home-directory-repository'
import { isMailmanAddress } from '../../connectors/mailman/mailman-limits'

export interface TargetPeople {
  /** The employee key of an address, else the address itself (lower case). */
  keyOf(email: string): string
  /** The address to unsubscribe for a key, or null when neither the directory nor the key gives one. */
  emailOf(key: string): string | null
}

/** Read once per call: a run sees one import of the directory. */
export function targetPeople(home: Pick<HomeDirectoryRepository, 'snapshot'>): TargetPeople {
  const byEmail = new Map<string, string>()
  const byKey = new Map<string, string>()
  for (const employee of home.snapshot().employees) {
    if (!employee.email) continue
    const email = employee.email.toLowerCase()
    if (!byEmail.has(email)) byEmail.set(email, employee.key)
    byKey.set(employee.key, email)
  }
  return {
    keyOf: (email) => byEmail.get(email.toLowerCase()) ?? email.toLowerCase(),
    emailOf: (key) => byKey.get(key) ?? (isMailmanAddress(key) ? key.toLowerCase() : null),
  }
}
