import { isIPv4, isIPv6 } from 'node:net'
import type { Localized } from '../../../../../shared/model/localized'

/** One address as a number; IPv4-mapped IPv6 (`::ffff:10.1.2.3`) is stored as the IPv4 address it carries. */
export interface ParsedAddress {
  readonly family: 4 | 6
  readonly value: bigint
}

export interface AddressRange extends ParsedAddress {
  readonly text: string
  readonly prefix: number
}

const widthOf = { 4: 32, 6: 128 } as const
const mappedPrefix = 0xffffn << 32n

function ipv4Value(text: string): bigint {
  return text.split('.').reduce((value, octet) => (value << 8n) | BigInt(Number(octet)), 0n)
}

function ipv6Value(text: string): bigint {
  let groups = text
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)
  if (dotted) {
    const v4 = ipv4Value(dotted[1] ?? '')
    groups = `${text.slice(0, dotted.index)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`
  }
  const [head, tail] = groups.split('::') as [string, string | undefined]
  const headParts = head === '' ? [] : head.split(':')
  const tailParts = tail === undefined || tail === '' ? [] : tail.split(':')
  const zeros = tail === undefined ? [] : Array<string>(8 - headParts.length - tailParts.length).fill('0')
  return [...headParts, ...zeros, ...tailParts].reduce(
    (value, group) => (value << 16n) | BigInt(parseInt(group, 16)),
    0n,
  )
}

/** An address of a visit; null when it is not an IPv4 or IPv6 address (zone ids such as `%eth0` are refused). */
export function parseAddress(text: string): ParsedAddress | null {
  const trimmed = text.trim()
  if (isIPv4(trimmed)) return { family: 4, value: ipv4Value(trimmed) }
  if (!isIPv6(trimmed) || trimmed.includes('%')) return null
  const value = ipv6Value(trimmed)
  if (value >> 32n === 0xffffn) return { family: 4, value: value & 0xffffffffn }
  return { family: 6, value }
}

function invalid(text: string, ja: string, en: string): { ok: false; error: Localized } {
  return { ok: false, error: { ja: `「${text}」${ja}`, en: `"${text}" ${en}` } }
}

/** `192.0.2.7`, `203.0.113.0/24`, `2001:db8::/32`, `::ffff:10.0.0.0/104` (= 10.0.0.0/8). Host bits are ignored. */
export function parseAddressRange(
  text: string,
): { ok: true; range: AddressRange } | { ok: false; error: Localized } {
  const [addressText = '', prefixText, extra] = text.trim().split('/')
  if (extra !== undefined) return invalid(text, ' に「/」が2つ以上あります。', 'has more than one "/".')
  const address = parseAddress(addressText)
  if (address === null) {
    return invalid(
      text,
      ' は IP アドレスまたは CIDR 範囲ではありません（例: 203.0.113.0/24、2001:db8::/32）。',
      'is not an IP address or CIDR range (e.g. 203.0.113.0/24, 2001:db8::/32).',
    )
  }
  const written = isIPv4(addressText.trim()) ? 32 : 128
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) {
    return invalid(
      text,
      ' のプレフィックス長が数値ではありません。',
      'has a prefix length that is not a number.',
    )
  }
  const writtenPrefix = prefixText === undefined ? written : Number(prefixText)
  if (writtenPrefix > written) {
    return invalid(
      text,
      ` のプレフィックス長は 0〜${written} で指定してください。`,
      `has a prefix length outside 0–${written}.`,
    )
  }
  // A mapped range is an IPv4 range; a shorter prefix would also cover non-mapped IPv6 addresses.
  const mappedShort = written === 128 && address.family === 4 && writtenPrefix < 96
  const family = mappedShort ? 6 : address.family
  const prefix = written === 128 && family === 4 ? writtenPrefix - 96 : writtenPrefix
  const value = mappedShort ? address.value | mappedPrefix : address.value
  const shift = BigInt(widthOf[family] - prefix)
  return { ok: true, range: { text, family, prefix, value: (value >> shift) << shift } }
}

export function rangeContains(range: AddressRange, address: ParsedAddress): boolean {
  if (range.family !== address.family) return false
  const shift = BigInt(widthOf[range.family] - range.prefix)
  return address.value >> shift === range.value >> shift
}

/** The first range (as written) that contains the address; invalid ranges and addresses match nothing. */
export function addressInRanges(address: string, ranges: readonly string[]): string | null {
  const parsed = parseAddress(address)
  if (parsed === null) return null
  for (const text of ranges) {
    const range = parseAddressRange(text)
    if (range.ok && rangeContains(range.range, parsed)) return text
  }
  return null
}
