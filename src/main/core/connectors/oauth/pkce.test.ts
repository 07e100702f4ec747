import { describe, expect, it } from 'vitest'
import { createPkcePair, createState, s256Challenge } from './pkce'

describe('PKCE', () => {
  it('computes the S256 challenge of the RFC 7636 appendix B example', () => {
    expect(s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    )
  })

  it('makes verifiers of 43-128 unreserved characters whose challenge matches, never twice the same', () => {
    const pairs = Array.from({ length: 50 }, () => createPkcePair())
    for (const pair of pairs) {
      expect(pair.verifier).toMatch(/^[A-Za-z0-9\-._~]{43,128}$/)
      expect(pair.challenge).toBe(s256Challenge(pair.verifier))
      expect(pair.method).toBe('S256')
    }
    expect(new Set(pairs.map((pair) => pair.verifier)).size).toBe(pairs.length)
  })

  it('makes unguessable, URL-safe state values', () => {
    const states = Array.from({ length: 50 }, () => createState())
    for (const state of states) expect(state).toMatch(/^[A-Za-z0-9_-]{32,}$/)
    expect(new Set(states).size).toBe(states.length)
  })
})
