import { defineConfig } from '@playwright/test'

/**
 * E2E against the daemon in Debian's Chromium (Playwright's own browsers cannot be downloaded here).
 * Run inside a D-Bus session with an unlocked gnome-keyring, after `npx electron-vite build`:
 *   dbus-run-session -- sh -c 'export HOME=$(mktemp -d); echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; npx playwright test'
 */
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    // Dates in the UI are local: pin the zone so the period tests know where midnight is.
    timezoneId: 'Asia/Tokyo',
    locale: 'ja-JP',
    viewport: { width: 1280, height: 860 },
    acceptDownloads: true,
    screenshot: 'on',
    trace: 'retain-on-failure',
  },
})
