import { rootCertificates } from 'node:tls'
import { describe, expect, it } from 'vitest'
import { trustedCaList, type OsCaReader } from './certificates'

const added = ['-----BEGIN CERTIFICATE-----\nADMIN\n-----END CERTIFICATE-----']

describe('trustedCaList', () => {
  it('on Node 20 leaves the default store alone until the admin adds a CA, then lists the roots, the OS bundle and it', () => {
    expect(trustedCaList([], ['OS-BUNDLE'], null)).toBeNull()
    expect(trustedCaList(added, ['OS-BUNDLE'], null)).toEqual([...rootCertificates, 'OS-BUNDLE', ...added])
  })

  it("where Node reads the OS store (the desktop app's Electron), always trusts it beside the defaults", () => {
    const read: OsCaReader = (store) => [store === 'system' ? 'OS-STORE' : 'NODE-DEFAULT']
    expect(trustedCaList([], ['OS-BUNDLE'], read)).toEqual(['NODE-DEFAULT', 'OS-STORE'])
    expect(trustedCaList(added, ['OS-BUNDLE'], read)).toEqual(['NODE-DEFAULT', 'OS-STORE', ...added])
  })
})
