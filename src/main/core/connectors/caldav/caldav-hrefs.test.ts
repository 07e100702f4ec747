import { describe, expect, it } from 'vitest'
import { canonicalHref, collectionUrl, objectHref } from './caldav-hrefs'

describe('caldav hrefs', () => {
  const collection = collectionUrl('https://dav.example.jp/cal/alice/team')

  it('normalizes the collection URL: trailing slash, no credentials', () => {
    expect(collectionUrl('https://alice:pw@dav.example.jp/cal/alice/team')).toBe(
      'https://dav.example.jp/cal/alice/team/',
    )
    expect(() => collectionUrl('webcal://dav.example.jp/x')).toThrow(TypeError)
  })

  it('spells an href the same whatever the server percent-encoded', () => {
    expect(canonicalHref('/cal/alice/team/a@b.ics', collection)).toBe(
      canonicalHref('/cal/alice/team/a%40b.ics', collection),
    )
    expect(canonicalHref('x%2fy.ics', collection)).toBe(`${collection}x%2Fy.ics`)
  })

  it('names an object after a plain UID, else after the SHA-1 of the UID', () => {
    expect(objectHref(collection, 'ev-1@example.jp')).toBe(`${collection}ev-1%40example.jp.ics`)
    expect(objectHref(collection, 'a/b c')).toMatch(/\/[0-9a-f]{40}\.ics$/)
    expect(objectHref(collection, 'x'.repeat(101))).toMatch(/\/[0-9a-f]{40}\.ics$/)
  })
})
