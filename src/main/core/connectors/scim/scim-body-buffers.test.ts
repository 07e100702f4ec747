import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { BodyBuffers } from './scim-body-buffers'

const body = (text: string, chunk: number): Readable => {
  const bytes = Buffer.from(text)
  const parts: Buffer[] = []
  for (let at = 0; at < bytes.length; at += chunk) parts.push(bytes.subarray(at, at + chunk))
  return Readable.from(parts)
}

describe('SCIM answer bodies in reused buffers', () => {
  it('reads each body whole, growing past the first size, and reuses a released buffer', async () => {
    const buffers = new BodyBuffers()
    const large = `{"a":"${'山田'.repeat(100_000)}"}`
    const first = await buffers.read(body(large, 60_000), 0)
    expect(first.toString()).toBe(large)
    buffers.release(first)
    const second = await buffers.read(body('{"b":1}', 3), 7)
    expect(second.toString()).toBe('{"b":1}')
    expect(second.buffer).toBe(first.buffer)
    // Two answers in flight at once never share a buffer.
    const third = await buffers.read(body('{"c":2}', 2), 0)
    expect(third.buffer).not.toBe(second.buffer)
    expect([second.toString(), third.toString()]).toEqual(['{"b":1}', '{"c":2}'])
  })
})
