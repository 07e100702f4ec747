import type { ApiHandlers, Subscribe } from '../../shared/api'
import type { ApiResult } from '../../shared/model/errors'
import type { AppStatus } from '../../shared/model/status'
import type { Clock } from './clock'
import type { SecretStore } from './secrets/secret-store'

export interface CoreOptions {
  readonly dataDir: string
  readonly runtime: AppStatus['runtime']
  readonly version: string
  /** Defaults to the OS keychain (keytar). */
  readonly secrets?: SecretStore
  /** Defaults to the system clock. */
  readonly clock?: Clock
  /** Start the scheduler's timers (false for one-shot CLI commands). Default true. */
  readonly startScheduler?: boolean
}

/** What an entry point (Electron, daemon, CLI, tests) gets from the composition root. */
export interface Core {
  /** Direct, typed calls (tests, CLI). Inputs are validated exactly as over a transport. */
  readonly api: ApiHandlers
  /** For transports: validates `rawInput` against the contract and never throws. */
  invoke(method: string, rawInput: unknown): Promise<ApiResult<unknown>>
  readonly subscribe: Subscribe
  /** The machine woke from sleep or the clock jumped: catch up on due jobs now. */
  wake(): void
  /** Stops timers, waits for running jobs to settle and closes the database. */
  close(): Promise<void>
}
