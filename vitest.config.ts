import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/integration/**/*.test.ts'],
    exclude: ['test/e2e/**', 'test/electron/**', 'node_modules/**', 'out/**'],
    // Daily schedules and CSV timestamps are in the machine's zone: pin one so results do not depend on the host.
    env: { TZ: 'Asia/Tokyo' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
