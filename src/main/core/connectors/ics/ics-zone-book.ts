/**
 * The feed's VTIMEZONEs for one parse: what each TZID means (for fingerprints), its text (for items) and
 * the instant of a wall time in it. Zones are ICAL.Timezone objects held here, never registered with
 * ICAL.TimezoneService: that registry is global, and two feeds may define the same TZID differently.
 */
import { hash } from 'node:crypto'
import ICAL from 'ical.js'
import { stableJson, textValue, type JCalComponent } from './ics-jcal'
import { toIanaZone } from './ics-time-zones'
import { ianaInstant, localInstant, wallAsUtcMs, type WallTime } from './ics-wall-time'

/** What defines a zone's rules; names, locations and stamps are left out. */
const ruleProperties = new Set(['tzoffsetfrom', 'tzoffsetto', 'dtstart', 'rrule', 'rdate'])

export interface ZoneDefinition {
  readonly component: JCalComponent
  /** The VTIMEZONE as iCalendar text (CRLF). */
  readonly text: string
}

interface ZoneEntry extends ZoneDefinition {
  readonly meaning: string
  /** undefined: not built yet; null: ical.js could not read the rules. */
  clock: ICAL.Timezone | null | undefined
  /** UTC offsets (s) by wall minute: events cluster on few times, and ical.js's lookup is slow. */
  readonly offsets: Map<number, number>
}

function rulesOf(vtimezone: JCalComponent): string {
  return vtimezone[2]
    .map((observance) => {
      const rules = observance[1]
        .filter((property) => ruleProperties.has(property[0]))
        .map((property) => `${property[0]}=${stableJson(property.slice(3))}`)
        .sort()
      return `${observance[0]}{${rules.join(';')}}`
    })
    .sort()
    .join('|')
}

export class ZoneBook {
  private readonly entries = new Map<string, ZoneEntry>()

  constructor(definitions: readonly ZoneDefinition[]) {
    for (const { component, text } of definitions) {
      const tzid = textValue(component, 'tzid')
      if (tzid === null || this.entries.has(tzid)) continue
      const rules = rulesOf(component)
      // Hashed: the meaning replaces every TZID parameter in every fingerprint, so it should be short.
      const meaning = rules === '' ? `name:${tzid}` : `rules:${hash('sha1', rules)}`
      this.entries.set(tzid, { component, text, meaning, clock: undefined, offsets: new Map() })
    }
  }

  /** Same string for two TZIDs with the same rules, whatever they are called. */
  meaning(tzid: string): string {
    return this.entries.get(tzid)?.meaning ?? `name:${toIanaZone(tzid) ?? tzid}`
  }

  /** The VTIMEZONE text, or null when the feed does not define the TZID. */
  text(tzid: string): string | null {
    return this.entries.get(tzid)?.text ?? null
  }

  /** The IANA zone a TZID stands for: from its name, else from the VTIMEZONE's X-LIC-LOCATION. */
  ianaName(tzid: string): string | null {
    const location = this.entries.get(tzid)?.component
    return toIanaZone(tzid) ?? (location ? toIanaZone(textValue(location, 'x-lic-location') ?? '') : null)
  }

  /** Milliseconds since the epoch. Dates and floating times are read in this computer's zone. */
  instant(time: WallTime, tzid: string | null): number {
    if (time.utc) return wallAsUtcMs(time)
    if (time.dateOnly || tzid === null) return localInstant(time)
    const offset = this.offset(time, tzid)
    if (offset !== null) return wallAsUtcMs(time) - offset * 1000
    const iana = this.ianaName(tzid)
    return iana === null ? localInstant(time) : ianaInstant(time, iana)
  }

  /** Seconds east of UTC at a wall time, from the feed's own VTIMEZONE; null when it has none. */
  private offset(time: WallTime, tzid: string): number | null {
    const entry = this.entries.get(tzid)
    const clock = entry ? this.clock(entry, tzid) : null
    if (!entry || !clock) return null
    const { year, month, day, hour, minute } = time
    const key = (((year * 13 + month) * 32 + day) * 25 + hour) * 60 + minute
    let offset = entry.offsets.get(key)
    if (offset === undefined) {
      offset = clock.utcOffset(
        ICAL.Time.fromData({ year, month, day, hour, minute, second: 0, isDate: false }),
      )
      entry.offsets.set(key, offset)
    }
    return offset
  }

  private clock(entry: ZoneEntry, tzid: string): ICAL.Timezone | null {
    // A VTIMEZONE without observances would read as UTC: let the name decide instead.
    if (entry.meaning.startsWith('name:')) return null
    if (entry.clock === undefined) {
      try {
        entry.clock = ICAL.Timezone.fromData({ component: new ICAL.Component(entry.component), tzid })
      } catch {
        entry.clock = null
      }
    }
    return entry.clock
  }
}
