import { defineConfig } from '@playwright/test'

/**
 * Smoke test of the packaged-style desktop app through Playwright's Electron driver.
 * Needs the Electron binary, `npm run build` and `npm run electron:native`; on Linux also an unlocked
 * keychain (see playwright.config.ts for the dbus-run-session + gnome-keyring line).
 * Run: npx playwright test -c playwright.electron.config.ts
 */
export default defineConfig({
  testDir: 'test/electron',
  outputDir: 'test-results/electron',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
})
