import { skipBecause } from './skip-reason'

/**
 * Keychain tests need a real Secret Service (gnome-keyring inside dbus-run-session, as `npm test`
 * provides). Elsewhere they are skipped with this reason printed, unless RENKEI_REQUIRE_KEYCHAIN=1
 * (scripts/test-all.sh, CI), where a missing keychain is a failure.
 */
export const keychainPresent = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS)
export const keychainSkipReason =
  'no Secret Service session bus (run through "npm test", which starts gnome-keyring under dbus-run-session)'

/** For `describe.skipIf`: true (with the reason printed) when no keychain; throws when one is required. */
export function skipWithoutKeychain(): boolean {
  return skipBecause(!keychainPresent, keychainSkipReason, 'RENKEI_REQUIRE_KEYCHAIN')
}
