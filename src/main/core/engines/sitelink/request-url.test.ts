import { describe, expect, it } from 'vitest'
import { parseRequestUrl } from './request-url'

describe('request URLs', () => {
  const token = 'A'.repeat(43)

  it('splits a request URL into the link URL (with its sub-path) and the token', () => {
    expect(parseRequestUrl(`https://a.example/base/renkei-link/v1/request/${token}`)).toEqual({
      linkUrl: 'https://a.example/base/',
      token,
    })
    expect(parseRequestUrl(` https://a.example:443/renkei-link/v1/request/${token} `)).toEqual({
      linkUrl: 'https://a.example/',
      token,
    })
  })

  it.each([
    ['no token', 'https://a.example/renkei-link/v1/request/'],
    ['another path', 'https://a.example/other/path'],
    ['a short token', 'https://a.example/renkei-link/v1/request/abc'],
  ])('refuses %s in both languages', (_, url) => {
    expect(() => parseRequestUrl(url)).toThrow(/Nothing was changed/)
  })

  it.each([
    ['http', `http://a.example/renkei-link/v1/request/${token}`, 'https://'],
    ['another port', `https://a.example:8443/renkei-link/v1/request/${token}`, '8443'],
    ['credentials', `https://u:p@a.example/renkei-link/v1/request/${token}`, 'Basic'],
  ])('applies the link URL rules: %s', (_, url, why) => {
    let message = ''
    try {
      parseRequestUrl(url)
    } catch (error) {
      const localized = (error as { localized: { ja: string; en: string } }).localized
      message = `${localized.ja} ${localized.en}`
    }
    expect(message).toContain(why)
  })
})
