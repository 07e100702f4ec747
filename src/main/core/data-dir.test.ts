import { describe, expect, it } from 'vitest'
import { defaultDataDir } from './data-dir'

describe('default data directory (same as Electron userData for "renkei")', () => {
  it('follows each platform', () => {
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'C:\\Users\\u')).toMatch(
      /Roaming[\\/]renkei$/,
    )
    expect(defaultDataDir('darwin', {}, '/Users/u')).toBe('/Users/u/Library/Application Support/renkei')
    expect(defaultDataDir('linux', {}, '/home/u')).toBe('/home/u/.config/renkei')
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/u')).toBe('/cfg/renkei')
  })
})
