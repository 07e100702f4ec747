/**
 * Distinguished names (RFC 4514) without a server round trip. ldapts sends DNs as strings and has no parser,
 * and DNs from different places (search results, member values typed by hand) differ in case, spacing and
 * escaping: comparing them needs a normal form.
 */

/** One `type=value` pair; the value is unescaped (UTF-8 decoded). */
export interface DnPair {
  readonly type: string
  readonly value: string
}

/** One level of a DN (usually a single pair; several when joined with `+`), with its text as written. */
export interface Rdn {
  readonly pairs: readonly DnPair[]
  readonly raw: string
}

const hex = /^[0-9a-fA-F]{2}$/
const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8')
const separator = /[\\,+;]/g

/** Reads one value from `text` at `start`; returns the value and where it stopped (at `,`, `+` or the end). */
function readValue(text: string, start: number): { value: string; end: number } {
  separator.lastIndex = start
  const end = separator.exec(text)?.index ?? text.length
  // Fast path (nearly every DN): no escapes, so the value is the text between the separators.
  if (text[end] !== '\\') return { value: text.slice(start, end).replace(/^ +| +$/g, ''), end }
  return readEscapedValue(text, start)
}

function readEscapedValue(text: string, start: number): { value: string; end: number } {
  const bytes: number[] = []
  let significant = 0
  let i = start
  while (i < text.length && text[i] === ' ') i++
  for (; i < text.length; i++) {
    const c = text[i]!
    if (c === ',' || c === '+' || c === ';') break
    if (c === '\\') {
      const pair = text.slice(i + 1, i + 3)
      if (hex.test(pair)) {
        bytes.push(parseInt(pair, 16))
        i += 2
      } else if (i + 1 < text.length) {
        bytes.push(...encoder.encode(text[i + 1]!))
        i += 1
      } else throw new Error(`the DN ends with a lone backslash: ${text}`)
      significant = bytes.length
      continue
    }
    bytes.push(...encoder.encode(c))
    if (c !== ' ') significant = bytes.length
  }
  return { value: decoder.decode(new Uint8Array(bytes.slice(0, significant))), end: i }
}

/** Splits a DN into its levels, most specific first. Throws on text that is not a DN. */
export function parseDn(dn: string): Rdn[] {
  const rdns: Rdn[] = []
  let pairs: DnPair[] = []
  let rdnStart = 0
  let i = 0
  if (dn.trim() === '') return rdns
  while (i <= dn.length) {
    const eq = dn.indexOf('=', i)
    if (eq < 0) throw new Error(`not a DN (missing "="): ${dn}`)
    const type = dn.slice(i, eq).trim()
    if (!/^[A-Za-z0-9][A-Za-z0-9.;-]*$/.test(type))
      throw new Error(`not a DN (bad attribute "${type}"): ${dn}`)
    const { value, end } = readValue(dn, eq + 1)
    pairs.push({ type: type.toLowerCase(), value })
    if (dn[end] === '+') {
      i = end + 1
      continue
    }
    rdns.push({ pairs, raw: dn.slice(rdnStart, end).trim() })
    pairs = []
    i = end + 1
    rdnStart = i
    if (end >= dn.length) break
  }
  return rdns
}

/** RFC 4514 escaping of an attribute value placed in a DN. */
export function escapeDnValue(value: string): string {
  let out = value.replace(/[\\,+"<>;=]/g, (c) => `\\${c}`).replace(/\0/g, '\\00')
  if (out.startsWith(' ') || out.startsWith('#')) out = `\\${out}`
  // A one-character value's only space was escaped as the leading one just above.
  if (value.length > 1 && value.endsWith(' ')) out = `${out.slice(0, -1)}\\ `
  return out
}

/** Builds `type=value` with the value escaped. */
export function rdnOf(type: string, value: string): string {
  return `${type}=${escapeDnValue(value)}`
}

/**
 * The text after the first level, lower-cased, without parsing: a cheap key for "same parent". Spellings
 * that differ give different keys, so use it for caching only, never for equality.
 */
export function parentKey(dn: string): string {
  for (let i = 0; i < dn.length; i++) {
    if (dn[i] === '\\') i++
    else if (dn[i] === ',') return dn.slice(i + 1).toLowerCase()
  }
  return ''
}

/** The DN text of `rdns`, as written (original case and escaping). */
export function joinRdns(rdns: readonly Rdn[]): string {
  return rdns.map((r) => r.raw).join(',')
}

function normalPair(pair: DnPair): string {
  return `${pair.type}=${escapeDnValue(pair.value.toLowerCase().replace(/\s+/g, ' '))}`
}

/** Normal form of parsed levels: lower case, single spaces, canonical escaping, pairs of a level sorted. */
export function normalizeRdns(rdns: readonly Rdn[]): string {
  return normalRdns(rdns).join(',')
}

/** Each RDN in normal form (joined with ',' they make normalizeRdns), to compare suffixes without re-parsing. */
export function normalRdns(rdns: readonly Rdn[]): string[] {
  return rdns.map((r) => r.pairs.map(normalPair).sort().join('+'))
}

/**
 * normalRdns(parseDn(dn)) for many DNs under few parents (a listing of 100,000 people in a handful of
 * branches): each distinct parent text is parsed once, only the first level of each DN every time.
 */
export class DnNormalizer {
  private readonly parents = new Map<string, readonly string[]>()

  /** Throws on text that is not a DN, as parseDn does. */
  normalRdns(dn: string): string[] {
    let comma = -1
    for (let i = 0; i < dn.length; i++) {
      if (dn[i] === '\\') i++
      else if (dn[i] === ',') {
        comma = i
        break
      }
    }
    const parentText = comma < 0 ? '' : dn.slice(comma + 1)
    if (parentText.trim() === '') return normalRdns(parseDn(dn))
    let parent = this.parents.get(parentText)
    if (parent === undefined) {
      parent = normalRdns(parseDn(parentText))
      this.parents.set(parentText, parent)
    }
    return [...normalRdns(parseDn(dn.slice(0, comma))), ...parent]
  }
}

/** Normal form of a DN, for comparing (names in a directory are compared case-insensitively). */
export function normalizeDn(dn: string): string {
  try {
    return normalizeRdns(parseDn(dn))
  } catch {
    return dn.trim().toLowerCase()
  }
}

/** True when `dn` is `base` or lies below it. Both are parsed already. */
export function isWithin(dn: readonly Rdn[], base: readonly Rdn[]): boolean {
  if (dn.length < base.length) return false
  return normalizeRdns(dn.slice(dn.length - base.length)) === normalizeRdns(base)
}

/** The DN one level up, as written; '' for a single-level DN. */
export function parentDn(dn: string): string {
  return joinRdns(parseDn(dn).slice(1))
}
