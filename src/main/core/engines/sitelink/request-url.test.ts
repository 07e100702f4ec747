import { describe, expect, it } from 'vitest'
import { parseRequestUrl } from './request-url'

describe('request URL', () => {
  it('splits a request URL into the link URL and the token', () => {
    const token = 'A'.repeat(43)
    expect(parseRequestUrl(`https://a.example/base/renkei-link/v1/request/${token}`)).toEqual({
      linkUrl: 'https://a.example/base/',
      token,
    })
  })

  it.each([
    ['https://a.example/renkei-link/v1/request/', 'request'],
    ['https://a.example/other/path', 'request'],
    [`https://a.example:8443/renkei-link/v1/request/${'A'.repeat(43)}`, '443'],
  ])('refuses %s in both languages, naming the rule', (url, why) => {
    let error: unknown
    try {
      parseRequestUrl(url)
    } catch (thrown) {
      error = thrown
    }
    const message = (error as { localized: { ja: string; en: string } }).localized
    expect(message.ja).toContain('何も変更していません')
    expect(message.en).toContain(why)
  })
})
