import { describe, expect, it } from 'vitest'
import { MemorySecretStore } from './memory-secret-store'
import { RecordedSecretChanges } from './recorded-secret-change'

const failingRecord = (): void => {
  throw new Error('SQLITE_BUSY: database is locked')
}

describe('recorded secret changes', () => {
  it('says the keychain changed when neither the record nor the undo could be written (injected fault)', async () => {
    const store = new MemorySecretStore()
    await store.set('a', 'old')
    let writes = 0
    const set = store.set.bind(store)
    store.set = async (name, value) => {
      if (++writes > 1) throw new Error('keychain locked')
      await set(name, value)
    }
    const error = await new RecordedSecretChanges(store).apply('a', 'new', failingRecord).catch((e) => e)
    expect(error.localized.en).toMatch(/was changed in the keychain, but .* nor undone/)
    expect(error.localized.ja).toContain('元に戻すこともできませんでした')
    expect(await store.get('a')).toBe('new')
  })

  it('runs changes to one name one after another, so an undo never overwrites a later value', async () => {
    const store = new MemorySecretStore()
    const changes = new RecordedSecretChanges(store)
    const records: string[] = []
    await Promise.allSettled([
      changes.apply('a', 'one', failingRecord),
      changes.apply('a', 'two', () => records.push('two')),
    ])
    expect(await store.get('a')).toBe('two')
    expect(records).toEqual(['two'])
    expect(await changes.apply('missing', null, () => records.push('cleared'))).toBe(false)
    expect(records).toEqual(['two'])
  })
})
