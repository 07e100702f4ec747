/**
 * One spelling per object URL. Servers percent-encode hrefs as they like (Radicale answers `a%40b.ics` for a PUT
 * to `a@b.ics`), so every href Renkei hands out or compares is decoded and re-encoded segment by segment.
 */
import { createHash } from 'node:crypto'

const plainUid = /^[A-Za-z0-9._@-]{1,100}$/

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment // a stray "%" the server did not encode: keep it as it is
  }
}

/** Absolute URL with a canonical path encoding; relative hrefs resolve against `base`. */
export function canonicalHref(href: string, base: string): string {
  const url = new URL(href, base)
  url.pathname = url.pathname
    .split('/')
    .map((segment) => encodeURIComponent(decodeSegment(segment)))
    .join('/')
  return url.href
}

/**
 * The collection URL Renkei works with: canonical, ending in "/", without user:password (credentials travel
 * only in the Authorization header, and a URL must never carry them into an error text).
 * Throws TypeError for something that is not an http(s) URL.
 */
export function collectionUrl(configured: string): string {
  const url = new URL(configured.trim())
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError('not an http(s) URL')
  url.username = ''
  url.password = ''
  url.hash = ''
  if (!url.pathname.endsWith('/')) url.pathname += '/'
  return canonicalHref(url.href, url.href)
}

/** The UID itself when it is a safe file name, else its SHA-1: the same UID always lands on the same href. */
export function objectHref(collection: string, uid: string): string {
  const name = plainUid.test(uid) ? uid : createHash('sha1').update(uid, 'utf8').digest('hex')
  return canonicalHref(`${encodeURIComponent(name)}.ics`, collection)
}

/** The path to send in a multiget: servers accept an absolute path everywhere, a full URL not always. */
export function hrefPath(href: string): string {
  return new URL(href).pathname
}

/** Whether two spellings name the same resource (trailing slash ignored, for collections). */
export function sameResource(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '')
}
