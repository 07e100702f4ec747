import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { osMachineId, systemMachineIdentity, systemSources, type MachineIdSources } from './machine-id'

const dataDir = (): string => mkdtempSync(join(tmpdir(), 'renkei-machine-id-'))
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')

/** Another machine's OS, answering only what it is asked. */
function osOf(platform: NodeJS.Platform, answers: Record<string, string>): MachineIdSources {
  const answer = (key: string): string => {
    if (key in answers) return answers[key]!
    throw new Error(`ENOENT: ${key}`)
  }
  return {
    platform,
    readFile: answer,
    run: (command, args) => answer([command, ...args].join(' ')),
    hostname: () => 'test-host',
  }
}

describe('machine identity reader', () => {
  it.runIf(process.platform === 'linux')(
    'reads this Linux machine id and the real data directory path',
    () => {
      const dir = dataDir()
      const machineId = readFileSync('/etc/machine-id', 'utf8').trim()
      expect(osMachineId()).toBe(machineId)
      expect(systemMachineIdentity(dir).current()).toBe(sha256(`${machineId}\n${realpathSync(dir)}`))
    },
  )

  it('a copy into another folder is another identity; a symlink to the same folder is not', () => {
    const parent = dataDir()
    const original = join(parent, 'data')
    mkdirSync(original)
    symlinkSync(original, join(parent, 'via-link'))
    mkdirSync(join(parent, 'copy'))
    const identity = (dir: string) => systemMachineIdentity(join(parent, dir), systemSources).current()
    expect(identity('via-link')).toBe(identity('data'))
    expect(identity('copy')).not.toBe(identity('data'))
    // Only the digest: nothing of the OS id or the path shows.
    expect(identity('data')).toMatch(/^[0-9a-f]{64}$/)
  })

  it('another machine with the same folder is another identity', () => {
    const dir = dataDir()
    const on = (id: string) =>
      systemMachineIdentity(dir, osOf('linux', { '/etc/machine-id': `${id}\n` })).current()
    expect(on('aaaa')).not.toBe(on('bbbb'))
  })

  it('falls back to the D-Bus id, then to the host name, on Linux', () => {
    expect(osMachineId(osOf('linux', { '/var/lib/dbus/machine-id': 'dbus-id\n' }))).toBe('dbus-id')
    expect(osMachineId(osOf('linux', { '/etc/machine-id': '\n' }))).toBe('host:test-host')
  })

  it('reads the macOS platform UUID and the Windows MachineGuid', () => {
    const mac = osOf('darwin', {
      'ioreg -rd1 -c IOPlatformExpertDevice':
        '+-o J314sAP  <class IOPlatformExpertDevice>\n    "IOPlatformUUID" = "1F2E3D4C-0000-1111-2222-333344445555"\n',
    })
    expect(osMachineId(mac)).toBe('1F2E3D4C-0000-1111-2222-333344445555')
    const windows = osOf('win32', {
      'reg query HKLM\\SOFTWARE\\Microsoft\\Cryptography /v MachineGuid':
        '\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Cryptography\r\n    MachineGuid    REG_SZ    0f1e2d3c-aaaa-bbbb-cccc-000011112222\r\n',
    })
    expect(osMachineId(windows)).toBe('0f1e2d3c-aaaa-bbbb-cccc-000011112222')
    expect(osMachineId(osOf('win32', {}))).toBe('host:test-host')
  })
})
