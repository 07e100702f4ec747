import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { electronNativeBinding } from './native-binding'

describe('SQLite native binding', () => {
  it('uses node_modules under Node', () => {
    expect(electronNativeBinding({ ...process.versions }, '/nowhere')).toBeUndefined()
  })

  it('uses the Electron build inside Electron and says how to make it when missing', () => {
    const root = mkdtempSync(join(tmpdir(), 'renkei-native-'))
    const versions = { ...process.versions, electron: '45.4.1' }
    expect(() => electronNativeBinding(versions, root)).toThrow(/npm run electron:native/)
    mkdirSync(join(root, '.electron-native', 'electron-45.4.1'), { recursive: true })
    writeFileSync(join(root, '.electron-native', 'electron-45.4.1', 'better_sqlite3.node'), '')
    expect(electronNativeBinding(versions, root)).toBe(
      join(root, '.electron-native', 'electron-45.4.1', 'better_sqlite3.node'),
    )
  })
})
