import { describe, expect, it } from 'vitest'
import {
  DnNormalizer,
  escapeDnValue,
  isWithin,
  normalizeDn,
  normalRdns,
  parentDn,
  parseDn,
  rdnOf,
} from './ldap-dn'

describe('ldap-dn', () => {
  it('normalises case, spacing and escaping so equal DNs compare equal', () => {
    const plain = 'uid=u009,ou=開発部,ou=本社,dc=example,dc=jp'
    expect(normalizeDn('UID=u009 , OU=\\E9\\96\\8B\\E7\\99\\BA\\E9\\83\\A8,  ou=本社,DC=Example,dc=JP')).toBe(
      plain,
    )
    expect(normalizeDn('cn=Yamada  Taro,dc=jp')).toBe(normalizeDn('CN=yamada taro,DC=jp'))
    expect(normalizeDn('cn=a+uid=b,dc=jp')).toBe(normalizeDn('uid=b+cn=a,dc=jp'))
  })

  it('keeps escaped separators inside a value', () => {
    const [rdn] = parseDn('cn=Sato\\, Ichiro,ou=people,dc=jp')
    expect(rdn!.pairs).toEqual([{ type: 'cn', value: 'Sato, Ichiro' }])
    expect(parseDn('cn=Sato\\, Ichiro,ou=people,dc=jp')).toHaveLength(3)
    expect(parseDn('cn=\\20lead\\20,dc=jp')[0]!.pairs[0]!.value).toBe(' lead ')
  })

  it('escapes values so they parse back to themselves', () => {
    for (const value of [
      'a,b',
      ' lead',
      'trail ',
      '#hash',
      'x+y=z',
      'back\\slash',
      '山田 "太郎" <a;b>',
      ' ',
    ]) {
      expect(parseDn(`${rdnOf('cn', value)},dc=jp`)[0]!.pairs[0]!.value).toBe(value)
    }
    expect(escapeDnValue('営業部')).toBe('営業部')
  })

  it('tells whether a DN lies within a base, and finds the parent', () => {
    const base = parseDn('ou=Suspended,dc=example,dc=jp')
    expect(isWithin(parseDn('uid=a,ou=suspended,DC=example,dc=jp'), base)).toBe(true)
    expect(isWithin(parseDn('uid=a,ou=people,dc=example,dc=jp'), base)).toBe(false)
    expect(isWithin(parseDn('dc=jp'), base)).toBe(false)
    expect(parentDn('uid=a,ou=people,dc=example,dc=jp')).toBe('ou=people,dc=example,dc=jp')
  })

  it('rejects text that is not a DN', () => {
    expect(() => parseDn('not a dn')).toThrow(/not a DN/)
    expect(normalizeDn('Not A DN')).toBe('not a dn')
  })
})

describe('DnNormalizer', () => {
  it('gives what normalRdns(parseDn(dn)) gives, parsing each parent once', () => {
    const dns = [
      'uid=taro,ou=users,dc=example,dc=jp',
      'UID=Hanako , OU=Users,DC=Example,DC=JP',
      'cn=山田\\, 太郎,ou=users,dc=example,dc=jp',
      'cn=a\\2Cb+uid=x,ou=users,dc=example,dc=jp',
      'cn=  spaced  ,ou=users,dc=example,dc=jp',
      'uid=taro,ou=users,dc=example,dc=jp',
      'dc=jp',
      'cn=trailing\\\\,ou=users,dc=example,dc=jp',
    ]
    const normalizer = new DnNormalizer()
    for (const dn of dns) expect(normalizer.normalRdns(dn)).toEqual(normalRdns(parseDn(dn)))
    expect(() => normalizer.normalRdns('uid=taro,')).toThrow()
    expect(() => normalizer.normalRdns('uid=taro,not a dn')).toThrow()
  })
})
