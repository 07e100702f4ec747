/**
 * Answer bodies read into buffers reused from one request to the next. A fresh buffer per listing page (what
 * undici's text() and bytes() make) left every page's ~100 KB outside the heap until a full collection once
 * one had run mid-listing: ~50 MB at the end of a 100,000-user SCIM listing. Reused, the bytes of a page are
 * overwritten by a later one instead. A body is only read from its buffer until the request is answered
 * (parsed into fresh strings and objects), then the buffer goes back.
 */

/** Enough for a listing page of 200 users; a larger body grows it. */
const initialBytes = 256 * 1024
/** Larger ones are left to the collector: one odd answer must not pin megabytes for the app's lifetime. */
const keptBytes = 4 * 1024 * 1024
/** Requests in flight at once take one each: a listing with its prefetched page, or up to 8 writes. */
const keptBuffers = 8

export class BodyBuffers {
  private readonly free: Buffer[] = []

  /** The whole body, in a buffer to hand back with release() once read. */
  async read(body: AsyncIterable<Buffer>, expectedBytes: number): Promise<Buffer> {
    let buffer = this.free.pop() ?? Buffer.allocUnsafeSlow(Math.max(initialBytes, expectedBytes))
    let length = 0
    for await (const chunk of body) {
      if (length + chunk.length > buffer.length) {
        const larger = Buffer.allocUnsafeSlow(Math.max(2 * buffer.length, length + chunk.length))
        buffer.copy(larger, 0, 0, length)
        buffer = larger
      }
      chunk.copy(buffer, length)
      length += chunk.length
    }
    return buffer.subarray(0, length)
  }

  /** `bytes` (from read()) must not be used after this. */
  release(bytes: Buffer): void {
    const whole = Buffer.from(bytes.buffer, 0, bytes.buffer.byteLength)
    if (whole.length <= keptBytes && this.free.length < keptBuffers) this.free.push(whole)
  }
}
