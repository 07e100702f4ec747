/** The VCALENDAR Renkei PUTs for one item: its master, its overrides and exactly the VTIMEZONEs they use. */
import { foldLine } from './ics-bytes'
import { tzidOf, type JCalComponent } from './ics-jcal'
import type { ZoneBook } from './ics-zone-book'

/** Properties whose TZID parameter needs a VTIMEZONE in the same object (RFC 5545 §3.2.19). */
export const zonedProperties = new Set(['dtstart', 'dtend', 'due', 'exdate', 'rdate', 'recurrence-id'])

const renkeiProductId = '-//Renkei//Calendar Sync//JA'

/** TZIDs in order of first use. */
function referencedZones(components: readonly JCalComponent[]): string[] {
  const tzids = new Set<string>()
  for (const component of components) {
    for (const property of component[1]) {
      const tzid = zonedProperties.has(property[0]) ? tzidOf(property) : null
      if (tzid !== null) tzids.add(tzid)
    }
  }
  return [...tzids]
}

/**
 * The CRLF text, rendered on first read: a run writes few events, and building all of them would be a
 * good part of parsing a large feed. Only strings are kept until then, never the parsed components.
 */
export function lazyItemText(
  components: readonly JCalComponent[],
  texts: readonly string[],
  zones: ZoneBook,
  calscale: string | null,
): () => string {
  const zoneTexts = referencedZones(components).flatMap((tzid) => zones.text(tzid) ?? [])
  return itemText(zoneTexts, texts, calscale)
}

/** The same text from strings alone: the VTIMEZONE blocks the events use, and the events' own lines. */
export function itemText(
  zoneTexts: readonly string[],
  texts: readonly string[],
  calscale: string | null,
): () => string {
  let rendered: string | null = null
  return () => {
    if (rendered === null) {
      const header = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${renkeiProductId}`]
      if (calscale !== null) header.push(`CALSCALE:${calscale}`)
      // Feeds arrive unfolded (ics-bytes.ts): long lines are folded again, at character boundaries.
      const lines = [...header, ...zoneTexts, ...texts, 'END:VCALENDAR', ''].join('\r\n').split('\r\n')
      rendered = lines.map(foldLine).join('\r\n')
    }
    return rendered
  }
}
