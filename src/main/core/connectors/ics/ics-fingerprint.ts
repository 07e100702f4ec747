/**
 * A hash of what an event means, so a re-export that only restamps, reorders, refolds or renames zones
 * does not count as a change: DTSTAMP and LAST-MODIFIED are left out, properties, parameters and
 * overrides are sorted, and every TZID is replaced by its zone's rules (ZoneBook.meaning).
 */
import { hash } from 'node:crypto'
import ICAL from 'ical.js'
import { stableJson, type JCalComponent, type JCalParams, type JCalProperty } from './ics-jcal'
import type { ZoneBook } from './ics-zone-book'

const restampedOnExport = new Set(['dtstamp', 'last-modified'])

/** Control characters cannot occur in iCalendar values, so they separate the parts unambiguously. */
const field = '\u0001'
const item = '\u0002'

function canonicalValue(value: unknown): string {
  return typeof value === 'string' ? value : stableJson(value)
}

/** Radicale (vobject) escapes commas in URI values (geo:35.6\\,139.6); a URI never needs the escape. */
function canonicalUri(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\\([,;])/g, '$1') : canonicalValue(value)
}

/** Servers rewrite durations in their shortest form (Radicale: -P0DT0H10M0S → -PT10M): compare the length. */
function canonicalDuration(value: unknown): string {
  return typeof value === 'string' ? ICAL.Duration.fromString(value).toString() : canonicalValue(value)
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
  const canonical =
    property[2] === 'duration' ? canonicalDuration : property[2] === 'uri' ? canonicalUri : canonicalValue
  for (let i = 3; i < property.length; i++) text += canonical(property[i]) + item
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
