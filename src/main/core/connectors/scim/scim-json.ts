/**
 * SCIM answers parsed from their bytes. A listing page of 200 users decoded whole is one string of ~120 K
 * characters, two bytes each once a Japanese name is in it (~240 KB): past V8's regular-object limit, so
 * every page landed in large-object space, which only a full mark-compact frees (most of a 100,000-user
 * preview's peak was such garbage). A ListResponse's `Resources` are parsed element by element from their
 * UTF-8 slices instead, and the rest of the body with `[]` in their place: the value is the one JSON.parse of
 * the whole text gives, and whatever JSON.parse refuses is refused (a malformed element or frame fails).
 */

const quote = 0x22
const backslash = 0x5c
const colon = 0x3a
const comma = 0x2c
const openers = new Set([0x7b, 0x5b])
const closers = new Set([0x7d, 0x5d])
const resourcesKey = Buffer.from('"Resources"')
/** Bodies this small are decoded whole: one small string costs less than the scan. */
const wholeBelowBytes = 16 * 1024

/** Where the top-level `Resources` array's elements are: [start, end) byte ranges, and the array's brackets. */
interface ResourcesSplit {
  readonly open: number
  readonly close: number
  readonly elements: readonly (readonly [number, number])[]
}

/** undici's text() skips a UTF-8 byte order mark; so does this. */
const bodyStart = (bytes: Buffer): number =>
  bytes.length > 2 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0

/** The body as text (the BOM skipped), as undici's text() gives it; `end` cuts it shorter. */
export function decodeBody(bytes: Buffer, end = bytes.length): string {
  return bytes.toString('utf8', bodyStart(bytes), Math.max(bodyStart(bytes), end))
}

/** The index just past the string whose opening quote is at `at` (UTF-8 never has 0x22 inside a character). */
function stringEnd(bytes: Buffer, at: number): number {
  for (let i = bytes.indexOf(quote, at + 1); i !== -1; i = bytes.indexOf(quote, i + 1)) {
    let escapes = 0
    while (bytes[i - 1 - escapes] === backslash) escapes++
    if (escapes % 2 === 0) return i + 1
  }
  return bytes.length
}

const isWhitespace = (byte: number | undefined): boolean =>
  byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d

/**
 * Finds the top-level object's `Resources` array and its elements' ranges; null when the body is not an
 * object with exactly one `Resources` key holding an array (then it is parsed whole, as before).
 */
function splitResources(bytes: Buffer, start: number): ResourcesSplit | null {
  let first = start
  while (isWhitespace(bytes[first])) first++
  if (bytes[first] !== 0x7b) return null
  let depth = 0
  let lastString: readonly [number, number] | null = null
  let resourcesKeys = 0
  let valueOfResources = false
  let found: ResourcesSplit | null = null
  let open = -1
  let elements: [number, number][] = []
  let elementStart = 0
  for (let i = first; i < bytes.length; i++) {
    const byte = bytes[i]!
    if (byte === quote) {
      const end = stringEnd(bytes, i)
      if (depth === 1) lastString = [i, end]
      i = end - 1
    } else if (openers.has(byte)) {
      if (depth === 0 && i !== first) return null
      if (depth === 1 && byte === 0x5b && valueOfResources) {
        open = i
        elementStart = i + 1
      }
      depth++
    } else if (closers.has(byte)) {
      depth--
      if (depth === 1 && open !== -1) {
        if (byte !== 0x5d) return null
        elements.push([elementStart, i])
        found = { open, close: i, elements }
        open = -1
        elements = []
      }
    } else if (byte === comma) {
      if (depth === 2 && open !== -1) {
        elements.push([elementStart, i])
        elementStart = i + 1
      } else if (depth === 1) valueOfResources = false
    } else if (byte === colon && depth === 1 && lastString !== null) {
      // An escaped key may spell Resources, and a repeated one is JSON.parse's to settle (the last wins).
      if (hasEscape(bytes, lastString)) return null
      valueOfResources = isResourcesKey(bytes, lastString)
      if (valueOfResources && ++resourcesKeys > 1) return null
    }
  }
  return found
}

const isResourcesKey = (bytes: Buffer, [start, end]: readonly [number, number]): boolean =>
  end - start === resourcesKey.length && bytes.compare(resourcesKey, 0, resourcesKey.length, start, end) === 0

const hasEscape = (bytes: Buffer, [start, end]: readonly [number, number]): boolean =>
  bytes.subarray(start, end).includes(backslash)

function isBlank(bytes: Buffer, [start, end]: readonly [number, number]): boolean {
  for (let i = start; i < end; i++) if (!isWhitespace(bytes[i])) return false
  return true
}

/**
 * The body's JSON value, or undefined when it is not JSON; equal to JSON.parse of the decoded text. A
 * ListResponse's Resources never become one large string (see the file's head).
 */
export function parseJsonBody(bytes: Buffer): unknown {
  try {
    const start = bodyStart(bytes)
    const split = bytes.length < wholeBelowBytes ? null : splitResources(bytes, start)
    if (split === null) return JSON.parse(decodeBody(bytes)) as unknown
    const [first] = split.elements
    const empty = split.elements.length === 1 && first !== undefined && isBlank(bytes, first)
    const resources = empty
      ? []
      : split.elements.map(([s, e]) => JSON.parse(bytes.toString('utf8', s, e)) as unknown)
    const frame = `${bytes.toString('utf8', start, split.open)}[]${bytes.toString('utf8', split.close + 1)}`
    const body = JSON.parse(frame) as Record<string, unknown>
    body.Resources = resources
    return body
  } catch {
    return undefined
  }
}
