/**
 * Reading tsdav's parsed multistatus answers. tsdav camel-cases element names without their namespace
 * (`C:calendar-data` → `calendarData`) and turns texts that look like numbers or booleans into numbers and
 * booleans, so every value is read back through `textOf`.
 */
import type { DAVResponse } from 'tsdav'
import { canonicalHref } from './caldav-hrefs'

type Props = Record<string, unknown>

/** Element text whatever shape xml-js gave it (plain, number, `_text` or `_cdata`). */
export function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value !== null && typeof value === 'object') {
    const node = value as { _text?: unknown; _cdata?: unknown }
    return textOf(node._cdata ?? node._text)
  }
  return null
}

export function propsOf(response: DAVResponse): Props {
  return (response.props ?? {}) as Props
}

/** The response's href as an absolute canonical URL; null when the server sent none. */
export function hrefOf(response: DAVResponse, base: string): string | null {
  const href = textOf(response.href)
  return href === null ? null : canonicalHref(href, base)
}

export function etagOf(props: Props): string | null {
  return textOf(props.getetag)
}

function hasElement(container: unknown, name: string): boolean {
  return container !== null && typeof container === 'object' && name in container
}

export function isCalendar(props: Props): boolean {
  return hasElement(props.resourcetype, 'calendar')
}

export function isCollection(props: Props): boolean {
  return hasElement(props.resourcetype, 'collection')
}

/** From DAV:current-user-privilege-set: null when the server did not send it. */
export function writableOf(props: Props): boolean | null {
  const set = props.currentUserPrivilegeSet
  if (set === undefined) return null
  const privilege = (set as { privilege?: unknown } | null)?.privilege
  const privileges = Array.isArray(privilege) ? privilege : privilege === undefined ? [] : [privilege]
  return privileges.some((p) => ['all', 'write', 'writeContent'].some((name) => hasElement(p, name)))
}

/** TZID of the VTIMEZONE inside a calendar-timezone property. */
export function timeZoneOf(props: Props): string | null {
  const text = textOf(props.calendarTimezone)
  if (text === null) return null
  const unfolded = text.replace(/\r?\n[ \t]/g, '')
  return /^TZID(?:;[^:\r\n]*)?:(.+?)\r?$/m.exec(unfolded)?.[1]?.trim() ?? null
}

/** The multistatus-level DAV:sync-token of a sync-collection answer. */
export function syncTokenOf(responses: readonly DAVResponse[]): string | null {
  const raw = responses[0]?.raw as { multistatus?: { syncToken?: unknown } } | undefined
  return textOf(raw?.multistatus?.syncToken)
}
