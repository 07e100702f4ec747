import { describe, expect, it } from 'vitest'
import { parseJsonBody } from './scim-json'

/** A ListResponse past the size where Resources are parsed one by one, with Japanese and escapes. */
function listResponse(count: number, indent = 0): string {
  const resources = Array.from({ length: count }, (_, i) => ({
    id: `u${i}`,
    userName: `user${i}`,
    displayName: `山田 "太郎" \\ ${i} 𠮷`,
    name: { familyName: '山田', givenName: `太郎${i}` },
    emails: [{ value: `user${i}@example.jp`, primary: true }],
    active: i % 2 === 0,
  }))
  return JSON.stringify(
    {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: count,
      Resources: resources,
    },
    null,
    indent,
  )
}

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8')
const whole = (text: string): unknown => JSON.parse(text.replace(/^\uFEFF/, '')) as unknown

describe('SCIM answers parsed from bytes', () => {
  it('gives what JSON.parse of the whole text gives, element by element', () => {
    for (const text of [listResponse(200), listResponse(300, 2)]) {
      expect(text.length).toBeGreaterThan(16 * 1024)
      expect(parseJsonBody(bytes(text))).toEqual(whole(text))
      expect(parseJsonBody(bytes(`\uFEFF ${text}\n`))).toEqual(whole(text))
    }
  })

  it('keeps the frame around the Resources and an empty page', () => {
    const pad = 'x'.repeat(20_000)
    const text = `{"before":"${pad}","Resources":[ \n ],"after":{"Resources":[1]},"itemsPerPage":0}`
    expect(parseJsonBody(bytes(text))).toEqual(whole(text))
  })

  it('refuses what JSON.parse refuses', () => {
    const good = listResponse(200)
    const broken = [
      good.replace('},{', '},,{'),
      good.replace(/}]}$/, '},]}'),
      good.replace('},{', '} {'),
      good.replace(/}]}$/, '}}}'),
      `${good}{}`,
      good.slice(0, -1),
      good.replace('"Resources":[', '"Resources":[1 '),
    ]
    for (const text of broken) {
      expect(() => JSON.parse(text) as unknown).toThrow()
      expect(parseJsonBody(bytes(text))).toBeUndefined()
    }
  })

  it('leaves a repeated or escaped Resources key to JSON.parse (the last one wins)', () => {
    const good = listResponse(200)
    for (const text of [
      good.replace(/}$/, ',"Resources":null}'),
      good.replace(/}$/, ',"Re\\u0073ources":[]}'),
    ]) {
      expect(parseJsonBody(bytes(text))).toEqual(whole(text))
    }
  })

  it('parses small and non-list bodies whole', () => {
    expect(parseJsonBody(bytes('{"id":"a","Resources":[{"id":"b"}]}'))).toEqual({
      id: 'a',
      Resources: [{ id: 'b' }],
    })
    expect(parseJsonBody(bytes(`["${'y'.repeat(20_000)}"]`))).toEqual(['y'.repeat(20_000)])
    expect(parseJsonBody(bytes('<html>'))).toBeUndefined()
  })
})
