import { describe, expect, it } from 'vitest'
import { linkRequestMail } from './sitelink-mail'

const ticket = {
  url: 'https://a.renkei.test/renkei-link/v1/request/abcDEF_123-xyzabcDEF_123-xyzabcDEF_123-xyz',
  requestedAt: new Date(2026, 11, 2, 11, 0).getTime(),
  expiresAt: new Date(2026, 11, 3, 11, 0).getTime(),
  requester: '相川 弘',
}

describe('link request e-mail draft', () => {
  it('carries the URL, the requester and the expiry in Japanese', () => {
    const mail = linkRequestMail(
      ticket,
      { companyName: '株式会社NIコンサルティング', siteName: 'NIコンサルティング' },
      'ja',
    )
    expect(mail.subject).toBe('【Renkei】NIコンサルティング からのサイト連携（リンク）の要求')
    expect(mail.body).toContain(ticket.url)
    expect(mail.body).toContain('株式会社NIコンサルティング（NIコンサルティング）の 相川 弘 です。')
    expect(mail.body).toContain('2026年12月3日')
  })

  it('in English, and as a mailto: link that decodes to the same text', () => {
    const mail = linkRequestMail(ticket, { companyName: 'A Trading', siteName: null }, 'en')
    expect(mail.subject).toBe('[Renkei] Site link request from A Trading')
    const query = new URLSearchParams(mail.mailto.slice('mailto:?'.length))
    expect(query.get('subject')).toBe(mail.subject)
    expect(query.get('body')).toBe(mail.body)
    expect(mail.body).toContain(ticket.url)
  })
})
