#!/bin/sh
# npm test: every check and every test, the way CI runs them.
#  1. types, lint and format   2. build (the CLI and E2E tests run the built app)
#  3. vitest unit + integration tests and 4. Playwright E2E in Chromium, both inside a private
#     D-Bus session with an unlocked gnome-keyring, so the keychain tests use a real Secret Service.
#  5. the Electron smoke test (reported as skipped, with the reason, where Electron is absent).
set -eu
cd "$(dirname "$0")/.."

need='sudo apt-get install -y dbus gnome-keyring libsecret-tools chromium slapd ldap-utils samba samba-ad-dc samba-ad-provision samba-dsdb-modules openssl radicale python3-caldav tinyproxy prosody mailman3'
for tool in dbus-run-session gnome-keyring-daemon secret-tool /usr/bin/chromium /usr/sbin/slapd ldapadd /usr/sbin/samba /usr/bin/samba-tool openssl radicale tinyproxy /usr/bin/prosody /usr/bin/mailman; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "npm test: '$tool' is missing. On Debian/Ubuntu: $need" >&2
    exit 1
  }
done
/usr/bin/python3 -c 'import caldav' 2>/dev/null || {
  echo "npm test: python3-caldav is missing (the calendar tests read what arrived with it). On Debian/Ubuntu: $need" >&2
  exit 1
}

echo '== typecheck, lint, format'
npm run --silent typecheck
npx eslint .
npx prettier --check . >/dev/null || { npx prettier --check .; exit 1; }

echo '== build'
npx electron-vite build >/dev/null

echo '== unit, integration and end-to-end tests (real keychain under dbus-run-session)'
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
# (dbus-daemon may warn "Failed to set fd limit" in containers; it is harmless.)
# The Samba AD DC listens on ports below 1024: its tests are required where they can run (as root).
require_samba=0; [ "$(id -u)" -eq 0 ] && require_samba=1
HOME="$keyring_home" RENKEI_REQUIRE_KEYCHAIN=1 RENKEI_REQUIRE_SAMBA=$require_samba dbus-run-session -- sh -c '
  set -e
  printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  npx vitest run
  npx playwright test
'

echo '== Electron smoke test'
npx playwright test -c playwright.electron.config.ts
