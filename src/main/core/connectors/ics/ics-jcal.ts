/**
 * The jCal (RFC 7265) arrays `ICAL.parse` returns. The parser works on these directly: ical.js's Event
 * and Component wrappers rescan sibling events and would make a 10,000-event feed quadratic.
 */
export type JCalParams = Record<string, string | string[]>
/** [name, params, value type, ...values]; names are lower case. */
export type JCalProperty = [string, JCalParams, string, ...unknown[]]
/** [name, properties, sub-components]. */
export type JCalComponent = [string, JCalProperty[], JCalComponent[]]

export function findProperty(component: JCalComponent, name: string): JCalProperty | undefined {
  return component[1].find((property) => property[0] === name)
}

export function findProperties(component: JCalComponent, name: string): JCalProperty[] {
  return component[1].filter((property) => property[0] === name)
}

/** The first value of a property as text (null when absent or not text, e.g. a recurrence rule). */
export function textValue(component: JCalComponent, name: string): string | null {
  const value = findProperty(component, name)?.[3]
  return typeof value === 'string' ? value : null
}

export function tzidOf(property: JCalProperty): string | null {
  const tzid = property[1]['tzid']
  return typeof tzid === 'string' && tzid !== '' ? tzid : null
}

export function propertyValues(property: JCalProperty): unknown[] {
  return property.slice(3)
}

/** JSON with object keys sorted, so "FREQ=WEEKLY;BYDAY=MO" and "BYDAY=MO;FREQ=WEEKLY" read the same. */
export function stableJson(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${stableJson(inner)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}
