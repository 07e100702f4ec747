/**
 * Keychain tests need a real Secret Service (gnome-keyring inside dbus-run-session, as `npm test`
 * provides). Elsewhere they are skipped with this reason, unless RENKEI_REQUIRE_KEYCHAIN=1 (CI),
 * where a missing keychain is a failure.
 */
export const keychainPresent = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS)
export const keychainRequired = process.env.RENKEI_REQUIRE_KEYCHAIN === '1'
export const keychainSkipReason =
  'no Secret Service session bus (run through "npm test", which starts gnome-keyring under dbus-run-session)'

if (keychainRequired && !keychainPresent) {
  throw new Error(`RENKEI_REQUIRE_KEYCHAIN=1 but ${keychainSkipReason}`)
}
