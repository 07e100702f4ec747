import { createCore } from '../core/app'
import type { Core } from '../core/core-types'
import { defaultDataDir } from '../core/data-dir'
import { version } from '../version'

export interface GlobalOptions {
  dataDir?: string
}

export function dataDirOf(options: GlobalOptions): string {
  return options.dataDir ?? defaultDataDir()
}

/** One-shot commands open the core without its timers and always close it, so the database is left clean. */
export async function withCore<T>(options: GlobalOptions, work: (core: Core) => Promise<T>): Promise<T> {
  const core = await createCore({
    dataDir: dataDirOf(options),
    runtime: 'cli',
    version,
    startScheduler: false,
  })
  try {
    return await work(core)
  } finally {
    await core.close()
  }
}
