import { describe, expect, it } from 'vitest'
import { generateSourceSecret } from './source-secret'

describe('generateSourceSecret', () => {
  it('makes 32 random bytes as base64url, different each time', () => {
    const a = generateSourceSecret()
    const b = generateSourceSecret()
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(atob(a.replace(/-/g, '+').replace(/_/g, '/') + '=')).toHaveLength(32)
    expect(a).not.toBe(b)
  })
})
