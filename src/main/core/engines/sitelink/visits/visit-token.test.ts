import { generateKeyPairSync, sign } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { keyIdOf } from '../../../connectors/peer/site-key'
import type { SiteKey } from '../sitelink-ports'
import { escapeHtml } from './visit-page'
import { prefersJson, sourceAddress } from './visit-route'
import { issueVisitToken, parseVisitToken, visitSignatureValid } from './visit-token'

function key(): SiteKey & { pem: string; keyId: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString()
  const keyId = keyIdOf(pem)
  return { pem, keyId, publicKey: async () => ({ pem, keyId }), sign: async (d) => sign(null, d, privateKey) }
}

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url')

describe('visit tokens', () => {
  it('carry issuer, audience, employee, a 128-bit id and a 60-second life, and verify with the signer key only', async () => {
    const home = key()
    const partner = key()
    const { token, payload } = await issueVisitToken(home, { aud: partner.keyId, sub: 'E1', iat: 1_000 })
    expect(payload).toMatchObject({
      v: 1,
      iss: home.keyId,
      aud: partner.keyId,
      sub: 'E1',
      iat: 1_000,
      exp: 61_000,
    })
    expect(Buffer.from(payload.jti, 'base64url')).toHaveLength(16)
    const parsed = parseVisitToken(token)!
    expect(parsed.payload).toEqual(payload)
    expect(visitSignatureValid(parsed, home.pem)).toBe(true)
    expect(visitSignatureValid(parsed, partner.pem)).toBe(false)
    const second = await issueVisitToken(home, { aud: partner.keyId, sub: 'E1', iat: 1_000 })
    expect(second.payload.jti).not.toBe(payload.jti)
  })

  it('are not well formed when cut, padded with fields, or stretched beyond 60 seconds', async () => {
    const home = key()
    const { token, payload } = await issueVisitToken(home, { aud: home.keyId, sub: 'E1', iat: 0 })
    const signature = token.split('.')[1]!
    expect(parseVisitToken(token.split('.')[0]!)).toBeNull()
    expect(parseVisitToken(`${token}.x`)).toBeNull()
    expect(parseVisitToken(`${b64({ ...payload, admin: true })}.${signature}`)).toBeNull()
    expect(parseVisitToken(`${b64({ ...payload, exp: 60_001 })}.${signature}`)).toBeNull()
    expect(parseVisitToken(`${b64({ ...payload, exp: 60_000 })}.${signature}`)).not.toBeNull()
    expect(parseVisitToken('%%%.abc')).toBeNull()
  })
})

describe('the landing answer', () => {
  it('answers JSON only when the client ranks it above HTML', () => {
    expect(prefersJson('application/json')).toBe(true)
    expect(prefersJson('text/html,application/xhtml+xml,*/*;q=0.8')).toBe(false)
    expect(prefersJson('text/html;q=0.5, application/json')).toBe(true)
    expect(prefersJson('*/*')).toBe(false)
    expect(prefersJson(null)).toBe(false)
  })

  it('sees an IPv4-mapped source address as IPv4 and escapes what it writes into the page', () => {
    expect(sourceAddress('::ffff:192.0.2.7')).toBe('192.0.2.7')
    expect(sourceAddress('2001:db8::1')).toBe('2001:db8::1')
    expect(escapeHtml(`<b a="1">'&`)).toBe('&lt;b a=&quot;1&quot;&gt;&#39;&amp;')
  })
})
