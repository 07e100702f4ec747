/**
 * A room context for tests of the target part: a fresh data directory with a home directory imported, secrets
 * in memory (the Mailman password set or not per test), and a fetch that records every request it passes on.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RoomContext } from '../../src/main/core/engines/rooms/room-context'
import { openDatabase } from '../../src/main/core/store/database'
import type { DirectoryEmployee } from '../../src/shared/model/directory'
import { roomTargetConfig, type RoomTargetConfig } from '../../src/shared/model/rooms'
import { testSnapshot, writeHome } from './exchange-sites'
import type { MailmanServer } from './mailman'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import { engineContextOver } from './engine-context'

export interface RoomTargetTestContext extends RoomContext {
  readonly secrets: MemorySecretStore
  /** "METHOD url" of every request sent through `fetch`. */
  readonly requests: string[]
}

export function roomTargetContext(
  employees: readonly DirectoryEmployee[],
  fetchImpl: typeof fetch = fetch,
): RoomTargetTestContext {
  const dataDir = mkdtempSync(join(tmpdir(), 'renkei-rooms-target-'))
  writeHome(dataDir, testSnapshot(employees))
  const requests: string[] = []
  const recording: typeof fetch = (input, init) => {
    requests.push(`${init?.method ?? 'GET'} ${String(input)}`)
    return fetchImpl(input, init)
  }
  return {
    ...engineContextOver(openDatabase(dataDir), () => Date.now(), { fetch: recording }),
    secrets: new MemorySecretStore(),
    timeZone: () => 'Asia/Tokyo',
    dataDir,
    requests,
  }
}

/** The target settings pointing at `server`, rooms in `mailDomain`, decoration texts in `decorationsDir`. */
export function mailmanTargetConfig(
  server: MailmanServer,
  decorationsDir: string,
  more: Partial<RoomTargetConfig> = {},
): RoomTargetConfig {
  return roomTargetConfig.parse({
    restUrl: server.baseUrl,
    username: server.adminUser,
    mailDomain: 'rooms.example.test',
    roomBaseUrl: 'https://rooms.example.test/rooms/',
    decorationsDir,
    ...more,
  })
}
