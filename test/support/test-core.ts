import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore } from '../../src/main/core/app'
import type { Core, CoreOptions } from '../../src/main/core/core-types'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'

/** A fresh, empty directory under the OS temp dir, named `<prefix>XXXXXX` (as `mkdtempSync` names it). */
export function tempDataDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

/**
 * The core as the integration tests open it, so each file states only what it varies: runtime and
 * version 'test', secrets in memory (never the real keychain) and no scheduler timers, unless
 * `overrides` says otherwise (a `clock`, a kept `secrets` store to reopen with, the keychain, ...).
 */
export function openTestCore(
  dataDir: string,
  overrides: Partial<Omit<CoreOptions, 'dataDir'>> = {},
): Promise<Core> {
  return createCore({
    dataDir,
    runtime: 'test',
    version: 'test',
    secrets: new MemorySecretStore(),
    startScheduler: false,
    ...overrides,
  })
}
