/**
 * The machine identity of a data directory (issue 13, test copies): SHA-256 of the OS machine id and the
 * directory's real path, so a copy onto another machine, or into another folder of the same one, reads
 * as a change. Only the digest leaves this file: the OS id is one systemd asks to keep to the machine.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync, realpathSync } from 'node:fs'
import { hostname } from 'node:os'
import type { MachineIdentity } from '../../engines/sitelink/sitelink-ports'

/** What the reader asks the OS; tests replace it to read a machine that is not this one. */
export interface MachineIdSources {
  readonly platform: NodeJS.Platform
  readFile(path: string): string
  run(command: string, args: readonly string[]): string
  hostname(): string
}

export const systemSources: MachineIdSources = {
  platform: process.platform,
  readFile: (path) => readFileSync(path, 'utf8'),
  run: (command, args) => execFileSync(command, args, { encoding: 'utf8', timeout: 5000, windowsHide: true }),
  hostname,
}

const linuxIdFiles = ['/etc/machine-id', '/var/lib/dbus/machine-id']

function attempt(read: () => string | null | undefined): string | null {
  try {
    return read()?.trim() || null
  } catch {
    return null
  }
}

/** The OS's own id of this machine; the host name when the OS gives none (a container without one). */
export function osMachineId(sources: MachineIdSources = systemSources): string {
  let id: string | null = null
  if (sources.platform === 'darwin') {
    id = attempt(
      () =>
        /"IOPlatformUUID"\s*=\s*"([^"]+)"/.exec(
          sources.run('ioreg', ['-rd1', '-c', 'IOPlatformExpertDevice']),
        )?.[1],
    )
  } else if (sources.platform === 'win32') {
    id = attempt(
      () =>
        /MachineGuid\s+REG_SZ\s+(\S+)/.exec(
          sources.run('reg', ['query', 'HKLM\\SOFTWARE\\Microsoft\\Cryptography', '/v', 'MachineGuid']),
        )?.[1],
    )
  } else {
    for (const file of linuxIdFiles) {
      id ??= attempt(() => sources.readFile(file))
    }
  }
  return id ?? `host:${sources.hostname()}`
}

/** Read once, on first use: the machine does not change under a running process. */
export function systemMachineIdentity(
  dataDir: string,
  sources: MachineIdSources = systemSources,
): MachineIdentity {
  let digest: string | null = null
  return {
    current: () =>
      (digest ??= createHash('sha256')
        .update(`${osMachineId(sources)}\n${realpathSync(dataDir)}`)
        .digest('hex')),
  }
}
