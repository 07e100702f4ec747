import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeCore, settingsWith } from './fake-core'
import { applyLoginItem, autostartEntryPath, installLoginItem, startedAtLogin } from './login-item'

const electron = vi.hoisted(() => ({
  setLoginItemSettings: vi.fn(),
  isPackaged: true,
}))

vi.mock('electron', () => ({
  app: {
    setLoginItemSettings: electron.setLoginItemSettings,
    getLoginItemSettings: () => ({ wasOpenedAtLogin: false }),
    getAppPath: () => '/home/me/my renkei',
    get isPackaged() {
      return electron.isPackaged
    },
  },
}))

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('login item', () => {
  let configHome: string

  beforeEach(() => {
    electron.setLoginItemSettings.mockClear()
    electron.isPackaged = true
    configHome = mkdtempSync(join(tmpdir(), 'renkei-autostart-'))
    vi.stubEnv('XDG_CONFIG_HOME', configHome)
  })

  afterEach(() => {
    vi.unstubAllEnvs()
    rmSync(configHome, { recursive: true, force: true })
  })

  it('applies settings.startAtLogin at start and again when it changes', async () => {
    const core = fakeCore({ startAtLogin: true })
    installLoginItem(core, 'win32')
    await flush()
    expect(electron.setLoginItemSettings).toHaveBeenLastCalledWith(
      expect.objectContaining({ openAtLogin: true, args: ['"--hidden"'] }),
    )
    core.emit('settings.changed', settingsWith({ startAtLogin: true }))
    expect(electron.setLoginItemSettings).toHaveBeenCalledTimes(1)
    core.emit('settings.changed', settingsWith({ startAtLogin: false }))
    expect(electron.setLoginItemSettings).toHaveBeenCalledTimes(2)
    expect(electron.setLoginItemSettings).toHaveBeenLastCalledWith(
      expect.objectContaining({ openAtLogin: false }),
    )
  })

  it('on Windows and macOS registers the executable, plus the project directory when unpackaged', () => {
    electron.isPackaged = false
    applyLoginItem(true, 'win32')
    expect(electron.setLoginItemSettings).toHaveBeenCalledWith({
      openAtLogin: true,
      path: process.execPath,
      args: ['"/home/me/my renkei"', '"--hidden"'],
    })
  })

  it('on Linux writes and removes an XDG autostart entry from the settings', async () => {
    electron.isPackaged = false
    vi.stubEnv('APPIMAGE', '/opt/Renkei.AppImage') // an AppImage must be started through itself
    const file = autostartEntryPath()
    expect(file).toBe(join(configHome, 'autostart', 'renkei.desktop'))
    const core = fakeCore({ startAtLogin: true })
    installLoginItem(core, 'linux')
    await flush()

    const entry = readFileSync(file, 'utf8')
    expect(entry).toContain('[Desktop Entry]')
    expect(entry).toContain('Exec=/opt/Renkei.AppImage "/home/me/my renkei" --hidden\n')
    expect(electron.setLoginItemSettings).not.toHaveBeenCalled()

    core.emit('settings.changed', settingsWith({ startAtLogin: false }))
    expect(existsSync(file)).toBe(false)
  })

  it('recognises a start at login by the flag it registered', () => {
    expect(startedAtLogin(['electron', '.', '--hidden'])).toBe(true)
    expect(startedAtLogin(['electron', '.'])).toBe(false)
  })
})
