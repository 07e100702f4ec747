import Encoding from 'encoding-japanese'

/**
 * A plain-text mail in ISO-2022-JP (RFC 1468), for older Japanese mail clients. Nodemailer labels string
 * text UTF-8 whatever it is told and iconv-lite has no ISO-2022-JP encoder, so the message is built here
 * with encoding-japanese and handed to nodemailer as `raw`. Vendor characters (①, 髙) travel as CP50220 does.
 */
export interface JisMail {
  readonly from: string
  readonly to: readonly string[]
  readonly subject: string
  readonly text: string
  readonly messageId: string
  readonly date: Date
}

/** A header word longer than this many characters is split: an encoded word may be at most 75 bytes. */
const charsPerWord = 12

function jis(text: string): Buffer {
  return Buffer.from(Encoding.convert(Encoding.stringToCode(text), { to: 'JIS', from: 'UNICODE' }))
}

const ascii = /^[\x20-\x7e]*$/

/** RFC 2047 B-words, each a whole JIS run (escapes back to ASCII inside every word), folded. */
export function encodeJisHeader(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ')
  if (ascii.test(flat)) return flat
  const chars = [...flat]
  const words: string[] = []
  for (let at = 0; at < chars.length; at += charsPerWord) {
    words.push(`=?ISO-2022-JP?B?${jis(chars.slice(at, at + charsPerWord).join('')).toString('base64')}?=`)
  }
  return words.join('\r\n ')
}

/** `Name <addr>` with the name B-encoded, or the bare address as it was. */
function encodeAddress(address: string): string {
  const named = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(address)
  if (!named || named[1] === '') return named ? `<${named[2]}>` : address.trim()
  return `${encodeJisHeader(named[1]!)} <${named[2]}>`
}

/** The whole message, CRLF line ends; each body line ends back in ASCII as RFC 1468 asks. */
export function buildJisMessage(mail: JisMail): Buffer {
  const head = [
    `From: ${encodeAddress(mail.from)}`,
    `To: ${mail.to.join(', ')}`,
    `Subject: ${encodeJisHeader(mail.subject)}`,
    `Date: ${mail.date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${mail.messageId}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=ISO-2022-JP',
    'Content-Transfer-Encoding: 7bit',
    '',
    '',
  ].join('\r\n')
  const lines = mail.text.replace(/\r\n?/g, '\n').split('\n').map(jis)
  const body = lines.flatMap((line, index) => (index === 0 ? [line] : [Buffer.from('\r\n'), line]))
  return Buffer.concat([Buffer.from(head, 'ascii'), ...body, Buffer.from('\r\n')])
}

/** The envelope sender: the address inside `Name <addr>`, or the text as it is. */
export function bareAddress(address: string): string {
  return /<([^>]+)>\s*$/.exec(address)?.[1] ?? address.trim()
}
