import { describe, expect, it } from 'vitest'
import { ConnectorError } from '../connector-error'
import { bulkChunks, bulkLimits, bulkRequest, bulkResults } from './scim-bulk'

describe('SCIM Bulk (RFC 7644 §3.7)', () => {
  it('is used only when the ServiceProviderConfig offers it, for at most 100 operations a request', () => {
    expect(bulkLimits({ bulk: { supported: false, maxOperations: 1000 } })).toBeNull()
    expect(bulkLimits({ bulk: { supported: true, maxOperations: 1 } })).toBeNull()
    expect(bulkLimits({})).toBeNull()
    expect(bulkLimits({ bulk: { supported: true, maxOperations: 1000, maxPayloadSize: 1_048_576 } })).toEqual(
      {
        maxOperations: 100,
        maxPayloadSize: 1_048_576,
      },
    )
  })

  it('splits by operations and by payload size', () => {
    const items = Array.from({ length: 7 }, (_, i) => 'x'.repeat(i === 3 ? 3000 : 10))
    expect(
      bulkChunks(items, (s) => s, { maxOperations: 3, maxPayloadSize: 100_000 }).map((c) => c.length),
    ).toEqual([3, 3, 1])
    const bySize = bulkChunks(items, (s) => s, { maxOperations: 100, maxPayloadSize: 3000 })
    expect(bySize.map((c) => c.length)).toEqual([3, 1, 3])
  })

  it('maps each operation back to its user: id, 409 left for a lookup, any other status an error', () => {
    const request = bulkRequest([{ a: 1 }, { b: 2 }, { c: 3 }, { d: 4 }])
    expect((request.Operations as { bulkId: string }[]).map((o) => o.bulkId)).toEqual([
      'u0',
      'u1',
      'u2',
      'u3',
    ])
    const answer = {
      Operations: [
        { bulkId: 'u1', status: '409', response: { detail: 'taken' } },
        { bulkId: 'u0', status: '201', location: 'https://x/scim/v2/Users/id%200' },
        { bulkId: 'u2', status: '400', response: { scimType: 'invalidValue', detail: 'bad mail' } },
      ],
    }
    const [first, second, third, fourth] = bulkResults(answer, 4, 'POST /Bulk → 200')
    expect(first).toBe('id 0')
    expect(second).toBe('conflict')
    expect((third as ConnectorError).localized.en).toContain('invalidValue: bad mail')
    expect((fourth as ConnectorError).localized.en).toContain('no result for this operation')
  })
})
