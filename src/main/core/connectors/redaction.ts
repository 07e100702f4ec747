/** Turns text that may hold a secret into text that may be shown: an error, a log line, the UI. */
export type Redactor = (text: string) => string

/**
 * Every secret in every form it was sent (password, token, the Basic header's base64) becomes ***, and
 * the user:password@ part of URLs goes.
 */
export function redactorFor(secrets: readonly string[]): Redactor {
  const hidden = secrets.filter((secret) => secret.length > 0)
  return (text) =>
    hidden.reduce(
      (result, secret) => result.split(secret).join('***'),
      text.replace(/\b(https?:\/\/)[^/\s@]*@/gi, '$1'),
    )
}

/** Names whose values are credentials, wherever a server writes them (form, header, JSON, XML, config dump). */
const secretName =
  '[\\w.-]*(?:password|passwd|passphrase|pwd|secret|token|api[_-]?key|apikey|authorization|cookie|session|credential|private[_-]?key)[\\w.-]*'
const schemeCredential = /\b(Bearer|Basic|Digest|Negotiate)\s+[A-Za-z0-9._~+/=-]{4,}/gi
const jsonValue = new RegExp(`("${secretName}"\\s*:\\s*)("(?:[^"\\\\]|\\\\.)*"|[\\w.+-]+)`, 'gi')
const xmlValue = new RegExp(`(<(${secretName})(?:\\s[^>]*)?>)[^<]*(</\\2>)`, 'gi')
/** A Cookie header holds nothing but session credentials: all of it goes. */
const cookieHeader = /\b((?:set-)?cookie\s*:\s*)[^\r\n]*/gi
/** Not after "/": an endpoint path such as …/token: ECONNREFUSED names no credential. */
const keyValue = new RegExp(
  `((?<![\\w/.-])${secretName}\\s*[=:]\\s*)(?!\\*\\*\\*|(?:Bearer|Basic|Digest|Negotiate) \\*\\*\\*)("[^"]*"|'[^']*'|[^\\s"'&;,<>]+)`,
  'gi',
)

/**
 * Cuts credentials a server put in its own answer — key=value pairs, headers, JSON and XML fields named
 * like password, secret, token, api_key, authorization, cookie; Bearer/Basic credentials; user:password@
 * in URLs — values Renkei never sent and so cannot name (redactorFor cuts the ones it did send).
 */
export function redactCredentials(text: string): string {
  return text
    .replace(/\b(https?:\/\/)[^/\s@]*@/gi, '$1')
    .replace(schemeCredential, '$1 ***')
    .replace(cookieHeader, '$1***')
    .replace(jsonValue, '$1"***"')
    .replace(xmlValue, '$1***$3')
    .replace(keyValue, '$1***')
}

/** The most of a server's answer the history keeps: enough to support, too little to be a data leak. */
export const maxServerAnswerBytes = 500

/** At most `maxBytes` of UTF-8, never cutting a character in two; "…" says something was cut. */
export function shortenUtf8(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, 'utf8')
  if (bytes.length <= maxBytes) return text
  const ellipsis = '…'
  let end = maxBytes - Buffer.byteLength(ellipsis)
  // Step back over continuation bytes (10xxxxxx) to the start of the character that would be cut.
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--
  return bytes.subarray(0, end).toString('utf8') + ellipsis
}

/**
 * The one gate a server's answer passes before it is kept (ConnectorError, and through it the history and
 * the UI): credentials cut first, so no part of one survives the shortening, then at most 500 bytes.
 */
export function serverAnswerForRecord(text: string): string {
  return shortenUtf8(redactCredentials(text), maxServerAnswerBytes)
}
