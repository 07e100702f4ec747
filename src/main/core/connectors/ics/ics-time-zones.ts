/**
 * TZIDs as exporters write them, mapped to IANA names: Outlook and Exchange use Windows zone names or
 * display labels, Thunderbird and Lotus prefix the IANA name with a vendor path.
 */

/** Windows zone IDs and Outlook display labels (without the "(UTC+09:00) " part), lower case. */
const knownZones: Readonly<Record<string, string>> = {
  'tokyo standard time': 'Asia/Tokyo',
  'osaka, sapporo, tokyo': 'Asia/Tokyo',
  'korea standard time': 'Asia/Seoul',
  seoul: 'Asia/Seoul',
  'china standard time': 'Asia/Shanghai',
  'beijing, chongqing, hong kong, urumqi': 'Asia/Shanghai',
  'taipei standard time': 'Asia/Taipei',
  taipei: 'Asia/Taipei',
  'singapore standard time': 'Asia/Singapore',
  'kuala lumpur, singapore': 'Asia/Singapore',
  'india standard time': 'Asia/Kolkata',
  'chennai, kolkata, mumbai, new delhi': 'Asia/Kolkata',
  'aus eastern standard time': 'Australia/Sydney',
  'canberra, melbourne, sydney': 'Australia/Sydney',
  'gmt standard time': 'Europe/London',
  'dublin, edinburgh, lisbon, london': 'Europe/London',
  'w. europe standard time': 'Europe/Berlin',
  'amsterdam, berlin, bern, rome, stockholm, vienna': 'Europe/Berlin',
  'romance standard time': 'Europe/Paris',
  'brussels, copenhagen, madrid, paris': 'Europe/Paris',
  'eastern standard time': 'America/New_York',
  'eastern time (us & canada)': 'America/New_York',
  'central standard time': 'America/Chicago',
  'central time (us & canada)': 'America/Chicago',
  'mountain standard time': 'America/Denver',
  'mountain time (us & canada)': 'America/Denver',
  'pacific standard time': 'America/Los_Angeles',
  'pacific time (us & canada)': 'America/Los_Angeles',
  utc: 'UTC',
  'coordinated universal time': 'UTC',
}

const ianaCache = new Map<string, string | null>()

/** The IANA spelling Intl uses for `name`, or null when Intl does not know the zone. */
function intlZone(name: string): string | null {
  const cached = ianaCache.get(name)
  if (cached !== undefined) return cached
  let zone: string | null
  try {
    zone = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone
  } catch {
    zone = null
  }
  ianaCache.set(name, zone)
  return zone
}

/** "/mozilla.org/20070129_1/Asia/Tokyo" → the longest trailing path Intl accepts. */
function fromVendorPath(tzid: string): string | null {
  const segments = tzid.split('/').filter((segment) => segment !== '')
  for (let take = Math.min(3, segments.length); take >= 1; take--) {
    const zone = intlZone(segments.slice(-take).join('/'))
    if (zone !== null) return zone
  }
  return null
}

/** The IANA zone a TZID means, or null when it cannot be told from the name alone. */
export function toIanaZone(tzid: string): string | null {
  const name = tzid.trim().replace(/^"|"$/g, '')
  if (name === '') return null
  const label = name.replace(/^\((?:UTC|GMT)[^)]*\)\s*/i, '').toLowerCase()
  const known = knownZones[label]
  if (known !== undefined) return known
  if (name.startsWith('/')) return fromVendorPath(name)
  return intlZone(name)
}
