import { TextDecoder } from 'node:util'
import { describe, expect, it } from 'vitest'
import { foldLine, joinSplitCharacters, unfoldBytes } from './ics-bytes'

const bytes = (...parts: (string | number[])[]): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))))

describe('feed bytes', () => {
  it('unfolds CRLF and LF folds (space or tab) on the bytes, so a character cut in two decodes whole', () => {
    const [a, b, c] = Buffer.from('切', 'utf8')
    const feed = bytes('SUMMARY:', [a!, b!], '\r\n ', [c!], '\nX:1\n\t2\r\nY:3')
    expect(new TextDecoder().decode(unfoldBytes(feed))).toBe('SUMMARY:切\nX:12\r\nY:3')
  })

  it('works for Shift_JIS too, where a fold may fall between the two bytes of a character', () => {
    // 会 is 0x89 0xEF in Shift_JIS.
    const feed = bytes('SUMMARY:', [0x89], '\r\n ', [0xef], '\r\n')
    expect(new TextDecoder('shift_jis').decode(unfoldBytes(feed))).toBe('SUMMARY:会\r\n')
  })

  it('inside XML joins only folds that cut a UTF-8 character', () => {
    const [a, b, c] = Buffer.from('切', 'utf8')
    const xml = bytes('<a\r\n b="1">S:', [a!, b!], '\r\n ', [c!], '\r\n x</a>')
    expect(Buffer.from(joinSplitCharacters(xml)).toString('utf8')).toBe('<a\r\n b="1">S:切\r\n x</a>')
  })

  it('folds long lines again at 75 octets, never inside a character', () => {
    const line = `SUMMARY:${'夏時間切替をまたぐ'.repeat(6)}`
    const folded = foldLine(line)
    const physical = folded.split('\r\n')
    expect(physical.length).toBeGreaterThan(1)
    expect(physical.every((l) => Buffer.byteLength(l) <= 75)).toBe(true)
    expect(folded.replace(/\r\n /g, '')).toBe(line)
    expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short')
  })
})
