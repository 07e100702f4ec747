import { describe, expect, it } from 'vitest'
import { addressInRanges, parseAddress, parseAddressRange } from './address-ranges'

describe('address ranges', () => {
  it.each([
    ['192.0.2.7', 4, 32],
    ['203.0.113.0/24', 4, 24],
    ['0.0.0.0/0', 4, 0],
    ['2001:db8::/32', 6, 32],
    ['::1', 6, 128],
    ['::ffff:10.0.0.0/104', 4, 8],
  ] as const)('%s is a range (IPv%i /%i)', (text, family, prefix) => {
    expect(parseAddressRange(text)).toMatchObject({ ok: true, range: { text, family, prefix } })
  })

  it.each([
    '10.0.0.0/33',
    '2001:db8::/129',
    '10.0.0/8',
    'example.com',
    '10.0.0.0/8/8',
    '10.0.0.0/x',
    'fe80::1%eth0',
    '',
  ])('%s is refused with a message in Japanese and English', (text) => {
    const parsed = parseAddressRange(text)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) {
      expect(parsed.error.ja).toMatch(/[ぁ-んァ-ン]/)
      expect(parsed.error.en).toContain(text)
    }
  })

  it('an IPv4-mapped address is the IPv4 address', () => {
    expect(parseAddress('::ffff:10.1.2.3')).toEqual(parseAddress('10.1.2.3'))
    expect(parseAddress('::ffff:a01:203')).toEqual(parseAddress('10.1.2.3'))
    expect(parseAddress('::10.1.2.3')?.family).toBe(6)
  })

  it.each([
    ['10.1.2.3', ['192.0.2.0/24', '10.0.0.0/8', '10.1.0.0/16'], '10.0.0.0/8'],
    ['10.1.2.3', ['10.1.2.3'], '10.1.2.3'],
    ['10.1.2.4', ['10.1.2.3'], null],
    ['11.0.0.1', ['10.0.0.0/8'], null],
    ['::ffff:10.1.2.3', ['10.0.0.0/8'], '10.0.0.0/8'],
    ['10.1.2.3', ['::ffff:10.0.0.0/104'], '::ffff:10.0.0.0/104'],
    ['2001:db8:ffff::1', ['2001:db8::/32'], '2001:db8::/32'],
    ['2001:db9::1', ['2001:db8::/32'], null],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', ['2001:db8::1/128'], '2001:db8::1/128'],
    ['10.1.2.3', ['::/0'], null],
    ['192.168.1.1', ['192.168.1.99/24'], '192.168.1.99/24'],
    ['not-an-address', ['0.0.0.0/0'], null],
    ['10.1.2.3', ['garbage', '0.0.0.0/0'], '0.0.0.0/0'],
  ] as const)('%s in %j: %s', (address, ranges, match) => {
    expect(addressInRanges(address, ranges)).toBe(match)
  })
})
