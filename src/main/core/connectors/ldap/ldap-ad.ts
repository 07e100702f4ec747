import type { LdapSourceConfig } from '../../../../shared/model/directory-config'
import type { EntryValues } from './ldap-session'

/** Binary attributes Active Directory sends as raw bytes; ldapts must hand them over as Buffers. */
export const guidAttributes = ['objectGUID'] as const

/**
 * objectGUID as AD's own tools print it (PowerShell, ADUC): the first three groups are little-endian,
 * the last two in byte order. Reading the raw bytes as UTF-8 would give a key that is neither stable
 * text nor what the admin sees anywhere.
 */
export function guidString(raw: Buffer): string {
  const hex = (from: number, to: number, reverse: boolean): string => {
    const bytes = [...raw.subarray(from, to)]
    return Buffer.from(reverse ? bytes.reverse() : bytes).toString('hex')
  }
  return [hex(0, 4, true), hex(4, 6, true), hex(6, 8, true), hex(8, 10, false), hex(10, 16, false)].join('-')
}

export function isGuidAttribute(name: string): boolean {
  return guidAttributes.some((g) => g.toLowerCase() === name.toLowerCase())
}

/**
 * Whether the inactive rule marks this entry inactive. AD's userAccountControl is a flag set: test the
 * bit, never equality (512 + 2 = 514, 66048 + 2 = 66050 are both disabled). An entry without the
 * attribute, or with a value that is not a number under a bit rule, is active.
 */
export function isInactive(values: EntryValues, rule: LdapSourceConfig['inactive']): boolean {
  if (rule.attribute === '') return false
  const found = (values.get(rule.attribute.toLowerCase()) ?? []).map((v) => v.trim())
  if (rule.match === 'equals') {
    const wanted = rule.value.toLowerCase()
    return found.some((v) => v.toLowerCase() === wanted)
  }
  const mask = BigInt(rule.value)
  return found.some((v) => /^-?\d+$/.test(v) && (BigInt.asUintN(32, BigInt(v)) & mask) !== 0n)
}
