/**
 * A hash of what an event means, so a re-export that only restamps, reorders, refolds or renames zones
 * does not count as a change: DTSTAMP and LAST-MODIFIED are left out, properties, parameters and
 * overrides are sorted, and every TZID is replaced by its zone's rules (ZoneBook.meaning).
 */
import { hash } from 'node:crypto'
import { stableJson, type JCalComponent, type JCalParams, type JCalProperty } from './ics-jcal'
import type { ZoneBook } from './ics-zone-book'

const restampedOnExport = new Set(['dtstamp', 'last-modified'])

/** Control characters cannot occur in iCalendar values, so they separate the parts unambiguously. */
const field = '\u0001'
const item = '\u0002'

function canonicalValue(value: unknown): string {
  return typeof value === 'string' ? value : stableJson(value)
}

function canonicalParams(params: JCalParams, zones: ZoneBook): string {
  let text = ''
  for (const key of Object.keys(params).sort()) {
    const value = params[key]
    text += `${key}=${key === 'tzid' && typeof value === 'string' ? zones.meaning(value) : canonicalValue(value)}${item}`
  }
  return text
}

/** Starts with the name, so sorting these strings sorts by name first (long values are rarely compared). */
function canonicalProperty(property: JCalProperty, zones: ZoneBook): string {
  let text = property[0] + field
  // Most properties have no parameters: skip the key list then.
  for (const _ in property[1]) {
    text += canonicalParams(property[1], zones)
    break
  }
  text += field + property[2] + field
  for (let i = 3; i < property.length; i++) text += canonicalValue(property[i]) + item
  return text
}

function canonicalComponent(component: JCalComponent, zones: ZoneBook): string {
  const properties: string[] = []
  for (const property of component[1]) {
    if (!restampedOnExport.has(property[0])) properties.push(canonicalProperty(property, zones))
  }
  const children = component[2].map((child) => canonicalComponent(child, zones)).sort()
  return `${component[0]}{${properties.sort().join('\n')}${children.join('')}}`
}

/**
 * sha1 of the master and its overrides. Overrides are sorted by their canonical text, which holds the
 * RECURRENCE-ID, so their order in the feed does not matter.
 */
export function fingerprintOf(
  master: JCalComponent | null,
  overrides: readonly JCalComponent[],
  zones: ZoneBook,
): string {
  const canonical = [
    master ? canonicalComponent(master, zones) : '',
    ...overrides.map((override) => canonicalComponent(override, zones)).sort(),
  ]
  return hash('sha1', canonical.join('\n'))
}
