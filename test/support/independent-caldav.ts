/**
 * A CalDAV client independent of the one under test (Debian's python3-caldav through caldav_client.py): tests use
 * it to check what really arrived on the server, and to play "a user edits the calendar in another client".
 */
import { spawn, spawnSync } from 'node:child_process'
import { join } from 'node:path'

export interface IndependentObject {
  /** Absolute URL as the server spells it (percent-encoded). */
  readonly href: string
  readonly etag: string | null
  readonly uid: string | null
  readonly ics: string
}

// __dirname: this file is loaded by vitest and by Playwright (CommonJS) alike.
const script = join(__dirname, 'caldav_client.py')
// Debian's python3-caldav lives in the system interpreter; a pyenv or venv python3 on PATH would not see it.
const pythonCandidates = ['/usr/bin/python3', 'python3']
let python: string | null = null

function findPython(): string {
  if (python !== null) return python
  for (const candidate of pythonCandidates) {
    if (spawnSync(candidate, ['-c', 'import caldav, icalendar']).status === 0) return (python = candidate)
  }
  throw new Error(
    'python3-caldav is not installed: the CalDAV tests need it (apt-get install -y python3-caldav)',
  )
}

function call<T>(request: Record<string, unknown>): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(findPython(), [script])
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (b: Buffer) => out.push(b))
    child.stderr.on('data', (b: Buffer) => err.push(b))
    child.once('error', reject)
    child.once('close', (code) => {
      const stderr = Buffer.concat(err).toString('utf8')
      if (code !== 0)
        return reject(new Error(`python3-caldav ${String(request.op)} failed (${code}): ${stderr}`))
      resolve(JSON.parse(Buffer.concat(out).toString('utf8')) as T)
    })
    child.stdin.end(JSON.stringify(request))
  })
}

/** Every object in the collection, each fetched with its own GET. */
export function listCalendarObjects(
  calendarUrl: string,
  username: string,
  password: string,
): Promise<IndependentObject[]> {
  return call({ op: 'list', calendar: calendarUrl, username, password })
}

/** PUT without preconditions, as another client would; `href` null lets python3-caldav name it `<uid>.ics`. */
export async function putCalendarObject(
  calendarUrl: string,
  username: string,
  password: string,
  ics: string,
  href: string | null = null,
): Promise<string> {
  const answer = await call<{ href: string }>({
    op: 'put',
    calendar: calendarUrl,
    username,
    password,
    ics,
    href,
  })
  return answer.href
}

export async function deleteCalendarObject(
  calendarUrl: string,
  username: string,
  password: string,
  href: string,
): Promise<void> {
  await call({ op: 'delete', calendar: calendarUrl, username, password, href })
}
