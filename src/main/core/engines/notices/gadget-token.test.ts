import { afterEach, describe, expect, it } from 'vitest'
import { skipWithoutKeychain } from '../../../../../test/support/keychain'
import { KeychainSecretStore } from '../../secrets/keychain-secret-store'
import { gadgetKeySecret, GadgetTokens } from './gadget-token'

describe.skipIf(skipWithoutKeychain())('gadget tokens (key in the real keychain)', () => {
  const keychain = new KeychainSecretStore()
  afterEach(async () => {
    await keychain.delete(gadgetKeySecret)
  })

  it('makes the key on first use, once, and verifies its own tokens after a restart', async () => {
    const tokens = new GadgetTokens(keychain)
    const [a, b] = await Promise.all([
      tokens.token({ kind: 'employee', employeeKey: 'E001' }),
      tokens.token({ kind: 'employee', employeeKey: 'E001' }),
    ])
    expect(a).toBe(b)
    expect(Buffer.from((await keychain.get(gadgetKeySecret))!, 'base64')).toHaveLength(32)
    const restarted = new GadgetTokens(keychain)
    expect(await restarted.verify('employee', a)).toEqual({ kind: 'employee', employeeKey: 'E001' })
    const admin = await tokens.token({ kind: 'admin' })
    expect(await restarted.verify('admin', admin)).toEqual({ kind: 'admin' })
  })

  it('refuses a token for another employee, another kind, or a changed MAC', async () => {
    const tokens = new GadgetTokens(keychain)
    const token = await tokens.token({ kind: 'employee', employeeKey: 'E001' })
    const mac = token.slice(token.indexOf('.') + 1)
    const other = `${Buffer.from('E002').toString('base64url')}.${mac}`
    expect(await tokens.verify('employee', other)).toBeNull()
    expect(await tokens.verify('admin', mac)).toBeNull()
    const admin = await tokens.token({ kind: 'admin' })
    expect(
      await tokens.verify('employee', `${Buffer.from('admin').toString('base64url')}.${admin}`),
    ).toBeNull()
    const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')
    expect(await tokens.verify('employee', flipped)).toBeNull()
    expect(await tokens.verify('employee', 'not a token')).toBeNull()
  })

  it('verifies nothing before a key exists', async () => {
    expect(await new GadgetTokens(keychain).verify('admin', 'AAAA')).toBeNull()
    expect(await keychain.get(gadgetKeySecret)).toBeNull()
  })

  it('rotate ends every token made so far, also in another process that uses the keychain (the CLI)', async () => {
    const tokens = new GadgetTokens(keychain)
    const employee = await tokens.token({ kind: 'employee', employeeKey: 'E001' })
    const admin = await tokens.token({ kind: 'admin' })
    expect(await tokens.verify('admin', admin)).not.toBeNull()
    await new GadgetTokens(keychain).rotate()
    expect(await tokens.verify('employee', employee)).toBeNull()
    expect(await tokens.verify('admin', admin)).toBeNull()
    expect(await new GadgetTokens(keychain).verify('admin', admin)).toBeNull()
    const fresh = await tokens.token({ kind: 'employee', employeeKey: 'E001' })
    expect(fresh).not.toBe(employee)
    expect(await new GadgetTokens(keychain).verify('employee', fresh)).not.toBeNull()
  })
})
