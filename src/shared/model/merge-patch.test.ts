import { describe, expect, it } from 'vitest'
import { applyMergePatch } from './merge-patch'

describe('applyMergePatch', () => {
  // RFC 7396 Appendix A, every example.
  it.each([
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [
      ['a', 'b'],
      ['c', 'd'],
      ['c', 'd'],
    ],
    [{ a: 'b' }, ['c'], ['c']],
    [{ a: 'foo' }, null, null],
    [{ a: 'foo' }, 'bar', 'bar'],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ])('RFC 7396 example: %j patched with %j', (target, patch, result) => {
    expect(applyMergePatch(target, patch)).toEqual(result)
  })

  it('replaces a section whose discriminator changes instead of mixing two kinds', () => {
    const target = { source: { kind: 'csv', usersFile: '/u.csv', encoding: 'auto' }, at: '00:00' }
    expect(applyMergePatch(target, { source: { kind: 'ldap', url: 'ldaps://x' } }, 'kind')).toEqual({
      source: { kind: 'ldap', url: 'ldaps://x' },
      at: '00:00',
    })
    expect(applyMergePatch(target, { source: { kind: 'csv', encoding: 'utf-8' } }, 'kind')).toEqual({
      source: { kind: 'csv', usersFile: '/u.csv', encoding: 'utf-8' },
      at: '00:00',
    })
  })

  it('keeps "__proto__" an ordinary member and leaves the target untouched', () => {
    const target = { a: { b: 1 } }
    const result = applyMergePatch(target, JSON.parse('{"__proto__": {"polluted": true}, "a": {"c": 2}}'))
    expect(Object.keys(result as object)).toEqual(['a', '__proto__'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(target).toEqual({ a: { b: 1 } })
  })
})
