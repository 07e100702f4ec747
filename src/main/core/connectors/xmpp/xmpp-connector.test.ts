import { describe, expect, it } from 'vitest'
import { isLoopbackHost, parseXmppService } from './xmpp-connector'

describe('XMPP service addresses', () => {
  it('reads host, port and TLS from xmpp:// and xmpps://', () => {
    expect(parseXmppService('xmpp://chat.example.jp:5222')).toEqual({
      host: 'chat.example.jp',
      port: 5222,
      tls: false,
    })
    expect(parseXmppService('xmpps://chat.example.jp')).toEqual({
      host: 'chat.example.jp',
      port: 5223,
      tls: true,
    })
    expect(parseXmppService('xmpp://[::1]:15222')).toEqual({ host: '::1', port: 15222, tls: false })
  })

  it('refuses other schemes, credentials and paths', () => {
    expect(parseXmppService('https://chat.example.jp')).toMatchObject({
      en: 'must start with xmpp:// or xmpps://',
    })
    expect(parseXmppService('xmpp://u:p@chat.example.jp')).toHaveProperty('en')
    expect(parseXmppService('xmpp://chat.example.jp/x')).toHaveProperty('en')
    expect(parseXmppService('chat.example.jp')).toHaveProperty('en')
  })

  it('treats only this machine as loopback (the one place PLAIN may go without TLS)', () => {
    for (const host of ['127.0.0.1', '127.0.0.2', '::1', 'localhost']) expect(isLoopbackHost(host)).toBe(true)
    for (const host of ['10.0.0.1', 'chat.example.jp', '128.0.0.1', 'localhost.example.jp'])
      expect(isLoopbackHost(host)).toBe(false)
  })
})
