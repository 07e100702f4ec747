/**
 * The feed as text, before and around ical.js: refuses what is not iCalendar at all (a login page, an
 * empty body) with a plain explanation, and finds line numbers, which ical.js does not report.
 */
import { ConnectorError } from '../connector-error'
import { icsMessages } from './ics-messages'

const snippetChars = 80

function snippet(line: string): string {
  const trimmed = line.trim()
  return trimmed.length > snippetChars ? `${trimmed.slice(0, snippetChars)}…` : trimmed
}

function physicalLines(text: string): string[] {
  return text.split(/\r?\n|\r/)
}

/** Strips a UTF-8 BOM; throws `permanent` when the text does not even start like iCalendar. */
export function prepareFeedText(text: string): string {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const start = body.search(/\S/)
  if (start === -1) throw new ConnectorError('permanent', icsMessages.emptyFeed())
  const first = physicalLines(body.slice(start, start + 200))[0] ?? ''
  if (/^begin:vcalendar$/i.test(first.trim())) return body
  const line = physicalLines(body.slice(0, start)).length
  if (first.trim().startsWith('<')) {
    throw new ConnectorError('permanent', icsMessages.webPage(line), snippet(first))
  }
  throw new ConnectorError('permanent', icsMessages.noCalendarStart(line, snippet(first)))
}

interface LogicalLine {
  readonly text: string
  /** 1-based physical line where it starts. */
  readonly line: number
}

/** Unfolds continuation lines (leading space or tab) as RFC 5545 §3.1 says. */
function logicalLines(text: string): LogicalLine[] {
  const result: { text: string; line: number }[] = []
  physicalLines(text).forEach((physical, index) => {
    const last = result[result.length - 1]
    if ((physical.startsWith(' ') || physical.startsWith('\t')) && last) last.text += physical.slice(1)
    else if (physical !== '') result.push({ text: physical, line: index + 1 })
  })
  return result
}

/** The line ical.js choked on: one that holds a fragment its message quotes, else a BEGIN/END mismatch. */
function failureLine(lines: readonly LogicalLine[], message: string): number | null {
  // ical.js quotes the offending line at the end of its message ("invalid line … "<line>""), or a value.
  const atEnd = /"([^"]+)"$|'([^']+)'$/.exec(message)
  const quoted = [...message.matchAll(/"([^"]{2,})"|'([^']{2,})'/g)]
  const fragments = [atEnd, ...quoted]
    .map((m) => (m ? (m[1] ?? m[2] ?? '') : ''))
    .filter((f) => f.trim() !== '')
  for (const fragment of fragments) {
    const hit = lines.find((line) => line.text.includes(fragment))
    if (hit) return hit.line
  }
  const open: LogicalLine[] = []
  for (const line of lines) {
    const [, keyword, name] = /^(BEGIN|END):(.*)$/i.exec(line.text.trim()) ?? []
    const component = (name ?? '').trim().toUpperCase()
    if (keyword?.toUpperCase() === 'BEGIN') open.push({ text: component, line: line.line })
    else if (keyword) {
      const innermost = open.pop()
      if (innermost?.text === component) continue
      // END of an outer component: the inner one never ended; END of nothing open: the END is stray.
      return innermost && open.some((outer) => outer.text === component) ? innermost.line : line.line
    }
  }
  return open[open.length - 1]?.line ?? null
}

/** ical.js's failure as the `permanent` error the engine shows, with the line when it can be found. */
export function parseFailure(text: string, error: unknown): ConnectorError {
  const message = error instanceof Error ? error.message : String(error)
  const line = failureLine(logicalLines(text), message)
  const detail = message.length > 200 ? `${message.slice(0, 200)}…` : message
  return new ConnectorError('permanent', icsMessages.unreadable(line, detail), message.slice(0, 300))
}

export interface SourceBlock {
  /** The component's lines as the feed wrote them, with CRLF line ends. */
  readonly text: string
  /** Where it starts in the feed, for line numbers. */
  readonly offset: number
}

/** True when some line ends in a bare LF (then blocks are rewritten to CRLF). */
function hasBareLineFeed(text: string): boolean {
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    if (text.charCodeAt(at - 1) !== 13) return true
  }
  return false
}

/**
 * Every BEGIN:<name> … END:<name> block of the given component names, per name in document order, which
 * is also the order of ical.js's components. Items reuse these lines as written instead of having ical.js
 * re-serialize every event. One pass over the text for all names.
 */
export function sourceBlocks(text: string, names: readonly string[]): Map<string, SourceBlock[]> {
  const crlf = !hasBareLineFeed(text)
  const begin = new RegExp(`^BEGIN:(${names.join('|')})[ \\t]*\\r?$`, 'gim')
  const blocks = new Map(names.map((name) => [name.toUpperCase(), [] as SourceBlock[]]))
  // One END pattern per name, not one per block: 10,000 events would compile 10,000 regexes.
  const ends = new Map(
    names.map((name) => [name.toUpperCase(), new RegExp(`^END:${name}[ \\t]*(?=\\r?$)`, 'gim')]),
  )
  for (let start = begin.exec(text); start; start = begin.exec(text)) {
    const name = (start[1] ?? '').toUpperCase()
    const end = ends.get(name)!
    end.lastIndex = start.index
    const stop = end.exec(text)
    if (!stop) break
    const block = text.slice(start.index, stop.index + stop[0].length)
    blocks.get(name)?.push({ text: crlf ? block : block.replace(/\r?\n/g, '\r\n'), offset: start.index })
    begin.lastIndex = end.lastIndex
  }
  return blocks
}

/** 1-based line of a position in the feed. */
export function lineAt(text: string, offset: number): number {
  let line = 1
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++
  return line
}
