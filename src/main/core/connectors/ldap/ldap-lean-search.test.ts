import { describe, expect, it } from 'vitest'
import { firstValues } from './ldap-lean-search'

/** One BER element: tag, definite length (short or long form), contents. */
function tlv(tag: number, contents: Buffer): Buffer {
  const n = contents.length
  const length =
    n < 0x80
      ? Buffer.from([n])
      : n < 0x100
        ? Buffer.from([0x81, n])
        : n < 0x10000
          ? Buffer.from([0x82, n >> 8, n & 0xff])
          : Buffer.from([0x83, n >> 16, (n >> 8) & 0xff, n & 0xff])
  return Buffer.concat([Buffer.from([tag]), length, contents])
}

const octets = (value: string | Buffer): Buffer =>
  tlv(0x04, typeof value === 'string' ? Buffer.from(value, 'utf8') : value)

/** A PartialAttributeList's contents: the attributes one after the other. */
function attributes(list: readonly [string, readonly (string | Buffer)[]][]): Buffer {
  return Buffer.concat(
    list.map(([type, values]) =>
      tlv(0x30, Buffer.concat([octets(type), tlv(0x31, Buffer.concat(values.map(octets)))])),
    ),
  )
}

const names = (...list: string[]): Buffer[] => list.map((n) => Buffer.from(n.toLowerCase(), 'latin1'))

describe('firstValues (lean SearchResultEntry decoding)', () => {
  it('gives the first non-blank value of each asked attribute, trimmed, matching types in any case', () => {
    const bytes = attributes([
      ['CN', ['', '  ', '\u3000', ' 山田 太郎 ', '山田']],
      ['objectClass', ['top', 'inetOrgPerson']],
      ['employeeNumber', ['E001']],
      ['title', ['   ']],
      ['Mail', []],
    ])
    expect(
      firstValues(bytes, 0, bytes.length, names('cn', 'employeeNumber', 'title', 'mail', 'uid')),
    ).toEqual(['山田 太郎', 'E001', null, null, null])
  })

  it('reads long-form lengths (values over 127 and 65,535 bytes) and skips what was not asked', () => {
    const long = 'あ'.repeat(100)
    const huge = 'x'.repeat(70_000)
    const bytes = attributes([
      ['description', [huge]],
      ['displayName', [long]],
      ['jpegPhoto', [Buffer.alloc(300, 0xff)]],
      ['sn', [huge]],
    ])
    expect(firstValues(bytes, 0, bytes.length, names('displayName', 'sn'))).toEqual([long, huge])
  })

  it('decodes bytes that are not UTF-8 the way the ordinary path does (replacement characters)', () => {
    const bytes = attributes([['sn', [Buffer.from([0x41, 0xc3, 0x20])]]])
    expect(firstValues(bytes, 0, bytes.length, names('sn'))).toEqual([
      Buffer.from([0x41, 0xc3]).toString('utf8'),
    ])
  })

  it('stops on bytes that are not well-formed, never returning part of an entry', () => {
    const bytes = attributes([
      ['sn', ['山田']],
      ['uid', ['taro']],
    ])
    expect(() => firstValues(bytes, 0, bytes.length - 1, names('uid'))).toThrow(/malformed/)
    const wrongTag = Buffer.from(bytes)
    wrongTag[0] = 0x31
    expect(() => firstValues(wrongTag, 0, wrongTag.length, names('uid'))).toThrow(/malformed/)
  })
})
