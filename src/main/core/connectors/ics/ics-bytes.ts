/**
 * Feed bytes before they become text. RFC 5545 §3.1 folds lines at 75 octets, and Japanese groupware folds
 * in the middle of a multi-byte character: decoding first would turn both halves into U+FFFD. So folds are
 * removed on the bytes, and only then is the text decoded.
 */

const lineFeed = 0x0a
const carriageReturn = 0x0d

function isFoldAt(bytes: Uint8Array, lineFeedAt: number): boolean {
  const next = bytes[lineFeedAt + 1]
  return next === 0x20 || next === 0x09
}

/** Removes each line break (CRLF or LF) followed by one space or tab, with that space or tab. */
export function unfoldBytes(bytes: Uint8Array): Uint8Array {
  return withoutFolds(bytes, isFoldAt)
}

/**
 * Only the folds that split a UTF-8 character (the next line goes on with a continuation byte): for text
 * inside other formats (CalDAV's XML), where every other line break must stay as it is. A continuation
 * byte never follows a space in valid UTF-8, so no other fold is touched.
 */
export function joinSplitCharacters(bytes: Uint8Array): Uint8Array {
  return withoutFolds(bytes, (all, at) => {
    const after = all[at + 2]
    return isFoldAt(all, at) && after !== undefined && after >= 0x80 && after <= 0xbf
  })
}

function withoutFolds(
  bytes: Uint8Array,
  isFold: (bytes: Uint8Array, lineFeedAt: number) => boolean,
): Uint8Array {
  const kept: Uint8Array[] = []
  let from = 0
  for (let at = bytes.indexOf(lineFeed); at !== -1; at = bytes.indexOf(lineFeed, at + 1)) {
    if (!isFold(bytes, at)) continue
    const breakStart = at > 0 && bytes[at - 1] === carriageReturn ? at - 1 : at
    kept.push(bytes.subarray(from, breakStart))
    from = at + 2
  }
  if (from === 0) return bytes
  kept.push(bytes.subarray(from))
  return Buffer.concat(kept)
}

const maxLineOctets = 75

/**
 * Folds a line longer than 75 octets at character boundaries (never inside a UTF-8 sequence or a
 * surrogate pair), as RFC 5545 §3.1 asks of what Renkei writes.
 */
export function foldLine(line: string): string {
  if (line.length * 3 <= maxLineOctets || Buffer.byteLength(line) <= maxLineOctets) return line
  const parts: string[] = []
  let part = ''
  let octets = 0
  for (const character of line) {
    const size = Buffer.byteLength(character)
    // Continuation lines start with a space, which counts towards their 75 octets.
    const room = parts.length === 0 ? maxLineOctets : maxLineOctets - 1
    if (octets + size > room) {
      parts.push(part)
      part = ''
      octets = 0
    }
    part += character
    octets += size
  }
  parts.push(part)
  return parts.join('\r\n ')
}
