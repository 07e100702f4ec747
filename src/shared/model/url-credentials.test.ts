import { describe, expect, it } from 'vitest'
import { credentialsInUrl, urlWithoutCredentials } from './url-credentials'

describe('credentials in URLs', () => {
  it('finds them decoded, and takes out exactly them', () => {
    const url = 'https://yamada:p%40ss%2Fw0rd@cal.example.jp:8443/dav/yamada/?token=a@b#x'
    expect(credentialsInUrl(url)).toEqual({ username: 'yamada', password: 'p@ss/w0rd' })
    expect(urlWithoutCredentials(url)).toBe('https://cal.example.jp:8443/dav/yamada/?token=a@b#x')
    expect(credentialsInUrl('ldaps://cn%3Dadmin:pw@ldap.example.jp:636')).toEqual({
      username: 'cn=admin',
      password: 'pw',
    })
    expect(urlWithoutCredentials('ldaps://cn%3Dadmin:pw@ldap.example.jp:636')).toBe(
      'ldaps://ldap.example.jp:636',
    )
  })

  it('leaves URLs without them as written, including an @ after the host', () => {
    for (const url of ['https://cal.example.jp/users/a@b.jp/', 'https://h/feed.ics?user=a@b', 'not a url']) {
      expect(credentialsInUrl(url)).toBeNull()
      expect(urlWithoutCredentials(url)).toBe(url)
    }
    expect(credentialsInUrl('https://only-user@h/')).toEqual({ username: 'only-user', password: '' })
  })
})
