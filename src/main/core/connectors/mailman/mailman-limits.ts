/**
 * What Mailman 3.3.8 accepts for list names, display names, descriptions and addresses, checked before
 * anything is sent so that a bad room gives a clear bilingual error and changes nothing (Mailman itself
 * answers a too-long list name with a bare HTTP 500, "File name too long" in its log, and stores display
 * names of any length on SQLite/PostgreSQL but VARCHAR(255) on MySQL). README.md has the measurements.
 */
import type { Localized } from '../../../../shared/model/localized'
import { ConnectorError } from '../connector-error'
import { mailmanMessages } from './mailman-messages'

export const mailmanLimits = {
  /**
   * A list name is the local part of every list address; the longest suffix Mailman adds is
   * "-unsubscribe" (12), and RFC 5321 caps a local part at 64 octets: 64 − 12 = 52 (ASCII, so bytes = chars).
   */
  listNameMaxBytes: 52,
  /** Mailman's schema: display_name and description are VARCHAR(255) on MySQL, which counts characters. */
  displayNameMaxChars: 255,
  descriptionMaxChars: 255,
} as const

/** Mailman's listname_chars default ([-_.0-9a-z]), lower case only, starting with a letter or digit. */
const listNamePattern = /^[a-z0-9][a-z0-9._-]*$/
/** Mailman's email validator: these local-part characters, domain labels of [-a-z0-9] not starting with "-". */
const localPart = /^[-0-9a-z!#$%&'*+./=?@_`{}~]+$/i
const domainLabel = /^[a-z0-9][-a-z0-9]*$/i

/** Characters as Mailman (Python str) and MySQL count them: code points, so an emoji is one. */
export const codePoints = (text: string): number => [...text].length

/**
 * The Mailman list name (local part) of a room: "room-" + the room id in lower case. Room ids must be ASCII
 * letters, digits, ".", "_" or "-" (Mailman refuses anything else in a list name); throws a bilingual
 * permanent error otherwise, and when the name would pass 52 bytes.
 */
export function listNameForRoom(roomId: string, prefix = 'room-'): string {
  const name = `${prefix}${roomId}`.toLowerCase()
  checkListName(name)
  return name
}

export function checkListName(name: string): void {
  const fail = (rule: string) => new ConnectorError('permanent', mailmanMessages.badListName(name, rule))
  if (!listNamePattern.test(name))
    throw fail('only lower-case ASCII letters, digits, ".", "_" and "-", starting with a letter or digit')
  if (name.length > mailmanLimits.listNameMaxBytes)
    throw fail(`${name.length} bytes, at most ${mailmanLimits.listNameMaxBytes}`)
}

/** Mailman keeps each list in a folder named after its list id: one file name, at most 255 bytes. */
export function checkListId(listName: string, mailHost: string): void {
  const listId = `${listName}.${mailHost}`
  if (Buffer.byteLength(listId) > 255)
    throw new ConnectorError(
      'permanent',
      mailmanMessages.badListName(listId, `${Buffer.byteLength(listId)} bytes, at most 255`),
    )
}

/** A one-line text of at most `maxChars` code points (display name, description). */
export function checkLine(field: string, value: string, maxChars: number): void {
  const length = codePoints(value)
  const rule: Localized | null = /[\r\n]/.test(value)
    ? { ja: '改行は使えません', en: 'line breaks are not allowed' }
    : length > maxChars
      ? { ja: `${length} 文字、最大 ${maxChars} 文字`, en: `${length} characters, at most ${maxChars}` }
      : null
  if (rule) throw new ConnectorError('permanent', mailmanMessages.badText(field, rule))
}

export function isMailmanAddress(address: string): boolean {
  const at = address.lastIndexOf('@')
  if (at <= 0) return false
  const labels = address.slice(at + 1).split('.')
  return (
    localPart.test(address.slice(0, at)) && labels.length >= 2 && labels.every((l) => domainLabel.test(l))
  )
}

export function checkAddresses(addresses: readonly string[]): void {
  const bad = addresses.find((address) => !isMailmanAddress(address))
  if (bad !== undefined) throw new ConnectorError('permanent', mailmanMessages.badAddress(bad))
}
