import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../../shared/model/errors'
import { parseLinkUrl, partnerUrl } from './link-url'

function refusal(text: string): ApiError {
  try {
    parseLinkUrl(text)
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error(`accepted: ${text}`)
}

describe('link URL', () => {
  it('accepts https on 443 (explicit or implied) and normalises the path to end with /', () => {
    expect(parseLinkUrl('https://renkei.example.co.jp')).toBe('https://renkei.example.co.jp/')
    expect(parseLinkUrl(' https://renkei.example.co.jp:443/link ')).toBe('https://renkei.example.co.jp/link/')
    expect(parseLinkUrl('https://RENKEI.example.co.jp/a/b/')).toBe('https://renkei.example.co.jp/a/b/')
    expect(parseLinkUrl('https://127.0.1.5/')).toBe('https://127.0.1.5/')
  })

  it('refuses any other port with the seed reason, in Japanese and English', () => {
    const error = refusal('https://renkei.example.co.jp:8443/')
    expect(error.code).toBe('invalid-input')
    expect(error.localized.ja).toContain('SSLでの接続は443ポートのみサポートしています')
    expect(error.localized.en).toContain('port 443 only')
    expect(error.localized.en).toContain('8443')
  })

  it('refuses http, credentials, a query, a fragment and text that is no URL', () => {
    expect(refusal('http://renkei.example.co.jp/').localized.ja).toContain('https://')
    const basic = refusal('https://user:pw@renkei.example.co.jp/')
    expect(basic.localized.ja).toContain('Basic認証を使用しているサイトとの連携はサポートしていません')
    expect(basic.localized.en).toContain('Basic authentication')
    expect(refusal('https://renkei.example.co.jp/?a=1').localized.en).toContain('"?"')
    expect(refusal('https://renkei.example.co.jp/?').localized.en).toContain('"?"')
    expect(refusal('https://renkei.example.co.jp/#top').localized.en).toContain('"#"')
    expect(refusal('renkei.example.co.jp').localized.en).toContain('https://host-name/')
    expect(refusal(`https://a.example/${'x'.repeat(2000)}`).localized.en).toContain('at most 2000')
  })

  it('joins partner paths below the link URL path', () => {
    expect(partnerUrl('https://h.example/link/', 'renkei-link/v1/accept').href).toBe(
      'https://h.example/link/renkei-link/v1/accept',
    )
    expect(partnerUrl('https://h.example/', '/renkei-link/v1/batches').href).toBe(
      'https://h.example/renkei-link/v1/batches',
    )
  })
})
