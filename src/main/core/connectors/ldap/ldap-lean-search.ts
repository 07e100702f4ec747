import { type Client, type Entry, SearchEntry } from 'ldapts'

/**
 * A search result entry decoded lean: its DN and, per requested attribute (same order as asked), the first
 * value that is not blank (trimmed), or null. Nothing else of the entry is decoded or kept.
 */
export interface LeanEntry {
  readonly dn: string
  readonly first: readonly (string | null)[]
}

/** What the listing asked for: the attribute names (ASCII, matched ignoring case, as the server may respell them). */
export interface LeanRequest {
  readonly attributes: readonly string[]
}

/** The part of asn1's BerReader that ldapts hands a message to. */
interface BerReader {
  readonly _buf: Buffer
  _offset: number
  readonly _size: number
  readString(): string | null
  readSequence(): number | null
  readonly offset: number
  readonly length: number
}

type ParseMessage = (id: number, operation: number, reader: BerReader, request?: unknown) => unknown

/** ldapts 8's parser, as far as the hook needs it (private, hence checked at run time). */
interface HookableParser {
  _getMessageFromProtocolOperation?: ParseMessage
}

const searchResultEntry = 0x64

function malformed(): Error {
  return new Error('malformed SearchResultEntry (BER)')
}

/** Reads a BER length at `at`; returns [length, offset of the contents]. */
function lengthAt(buf: Buffer, at: number, end: number): [number, number] {
  if (at >= end) throw malformed()
  const first = buf[at]!
  if (first < 0x80) return [first, at + 1]
  const bytes = first & 0x7f
  if (bytes === 0 || bytes > 4 || at + 1 + bytes > end) throw malformed()
  let length = 0
  for (let i = 1; i <= bytes; i++) length = length * 256 + buf[at + i]!
  return [length, at + 1 + bytes]
}

/** The element with `tag` at `at`: [start of contents, end of contents]. */
function element(buf: Buffer, at: number, end: number, tag: number): [number, number] {
  if (at >= end || buf[at] !== tag) throw malformed()
  const [length, start] = lengthAt(buf, at + 1, end)
  if (start + length > end) throw malformed()
  return [start, start + length]
}

const isBlank = (byte: number): boolean => byte === 0x20 || (byte >= 0x09 && byte <= 0x0d)

/**
 * A SearchResultEntry of a lean listing: the attribute list is walked in the received bytes, and only the
 * first non-blank value of each requested attribute becomes a string (ldapts would decode every value of
 * every attribute into Attribute objects, then copy them into an entry object: at 100,000 entries that is
 * most of the listing's time and garbage).
 */
class LeanSearchEntry extends SearchEntry implements LeanEntry {
  first: readonly (string | null)[] = []

  constructor(
    messageId: number,
    private readonly names: readonly Buffer[],
  ) {
    super({ messageId })
  }

  get dn(): string {
    return this.name
  }

  override parseMessage(reader: BerReader): void {
    this.name = reader.readString() ?? ''
    if (reader.readSequence() === null) throw malformed()
    const end = reader.offset + reader.length
    if (end > reader._size) throw malformed()
    this.first = firstValues(reader._buf, reader.offset, end, this.names)
    reader._offset = end
  }

  /** The caller reads it as a LeanEntry; ldapts's page list gets this object itself. */
  override toObject(): Entry {
    return this as unknown as Entry
  }
}

/**
 * The PartialAttributeList of a SearchResultEntry (`buf[start..end)`, the bytes inside its SEQUENCE): per
 * name in `names` (lower-case ASCII bytes), the first non-blank value of that attribute, trimmed, or null.
 * Attribute types are matched ignoring ASCII case; other attributes are skipped undecoded. Throws on bytes
 * that are not well-formed BER.
 */
export function firstValues(
  buf: Buffer,
  start: number,
  end: number,
  names: readonly Buffer[],
): (string | null)[] {
  const first = new Array<string | null>(names.length).fill(null)
  let at = start
  while (at < end) {
    // PartialAttribute ::= SEQUENCE { type OCTET STRING, vals SET OF OCTET STRING }
    const [attributeStart, attributeEnd] = element(buf, at, end, 0x30)
    const [typeStart, typeEnd] = element(buf, attributeStart, attributeEnd, 0x04)
    const index = indexOf(names, buf, typeStart, typeEnd)
    if (index >= 0 && first[index] === null) {
      const [valuesStart, valuesEnd] = element(buf, typeEnd, attributeEnd, 0x31)
      first[index] = firstNonBlank(buf, valuesStart, valuesEnd)
    }
    at = attributeEnd
  }
  return first
}

/** Which of `names` the type bytes spell (ASCII, any case); -1 for none. */
function indexOf(names: readonly Buffer[], buf: Buffer, start: number, end: number): number {
  const length = end - start
  for (let n = 0; n < names.length; n++) {
    const name = names[n]!
    if (name.length !== length) continue
    let i = 0
    while (i < length) {
      const byte = buf[start + i]!
      if ((byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte) !== name[i]) break
      i++
    }
    if (i === length) return n
  }
  return -1
}

/** The first value (in `SET OF OCTET STRING` bytes) that is not blank, trimmed; null when there is none. */
function firstNonBlank(buf: Buffer, start: number, end: number): string | null {
  let at = start
  while (at < end) {
    const [valueStart, valueEnd] = element(buf, at, end, 0x04)
    let from = valueStart
    let to = valueEnd
    while (from < to && isBlank(buf[from]!)) from++
    while (to > from && isBlank(buf[to - 1]!)) to--
    if (from < to) {
      // Non-ASCII blanks (U+3000...) are what String.trim also removes: decode, then trim to be exact.
      const value = buf.toString('utf8', from, to).trim()
      if (value !== '') return value
    }
    at = valueEnd
  }
  return null
}

const hooked = new WeakMap<Client, Map<readonly string[], readonly Buffer[]>>()

/**
 * Makes `client` decode the entries of searches whose request carries one of the registered attribute
 * lists lean (LeanSearchEntry). False when this ldapts build has no such parser hook: the caller then
 * reads the entries the ordinary way.
 */
function install(client: Client): Map<readonly string[], readonly Buffer[]> | null {
  const known = hooked.get(client)
  if (known) return known
  const parser = (client as unknown as { messageParser?: HookableParser }).messageParser
  const original = parser?._getMessageFromProtocolOperation
  if (!parser || typeof original !== 'function') return null
  const lean = new Map<readonly string[], readonly Buffer[]>()
  parser._getMessageFromProtocolOperation = function (id, operation, reader, request) {
    const attributes = (request as { attributes?: readonly string[] } | undefined)?.attributes
    const names = operation === searchResultEntry && attributes ? lean.get(attributes) : undefined
    if (!names) return original.call(this, id, operation, reader, request)
    const message = new LeanSearchEntry(id, names)
    message.parse(reader as never, (request as { controls?: never[] }).controls ?? [])
    return message
  }
  hooked.set(client, lean)
  return lean
}

/**
 * Runs `search` with the entries of the request made from `attributes` (the very array given to ldapts)
 * decoded lean. Returns null when the hook is not available.
 */
export function leanDecoding(client: Client, attributes: string[]): { stop(): void } | null {
  const lean = install(client)
  if (!lean) return null
  lean.set(
    attributes,
    attributes.map((name) => Buffer.from(name.toLowerCase(), 'latin1')),
  )
  return { stop: () => void lean.delete(attributes) }
}

/** The lean form of an entry ldapts decoded itself (the fallback, and the form tests compare with). */
export function leanOf(entry: Entry, attributes: readonly string[]): LeanEntry {
  if (entry instanceof LeanSearchEntry) return entry
  const byLower = new Map<string, Entry[string]>()
  for (const [name, value] of Object.entries(entry)) byLower.set(name.toLowerCase(), value)
  const first = attributes.map((name) => {
    const value = byLower.get(name.toLowerCase())
    if (value === undefined) return null
    for (const v of Array.isArray(value) ? value : [value]) {
      const text = (Buffer.isBuffer(v) ? v.toString('utf8') : String(v)).trim()
      if (text !== '') return text
    }
    return null
  })
  return { dn: entry.dn, first }
}
