import { describe, expect, it } from 'vitest'
import { checkLinkUrl, parseRequestUrl } from './link-url-check'

describe('link URL rules', () => {
  it('keeps https on 443 and normalises the trailing slash', () => {
    expect(checkLinkUrl('https://renkei.example.co.jp')).toBe('https://renkei.example.co.jp/')
    expect(checkLinkUrl(' https://example.jp:443/renkei ')).toBe('https://example.jp/renkei/')
  })

  it.each([
    ['http://example.jp/', 'https://'],
    ['https://example.jp:8443/', '443'],
    ['https://user:pw@example.jp/', 'Basic'],
    ['https://example.jp/?a=1', '?'],
    ['not a url', 'https://'],
  ])('refuses %s in both languages', (url, why) => {
    let error: unknown
    try {
      checkLinkUrl(url)
    } catch (thrown) {
      error = thrown
    }
    const message = (error as { localized: { ja: string; en: string } }).localized
    expect(message.ja).toContain('何も変更していません')
    expect(`${message.ja} ${message.en}`).toContain(why)
  })

  it('splits a request URL into the link URL and the token', () => {
    const token = 'A'.repeat(43)
    expect(parseRequestUrl(`https://a.example/base/renkei-link/v1/request/${token}`)).toEqual({
      linkUrl: 'https://a.example/base/',
      token,
    })
    expect(() => parseRequestUrl('https://a.example/renkei-link/v1/request/')).toThrow()
    expect(() => parseRequestUrl('https://a.example/other/path')).toThrow()
  })
})
