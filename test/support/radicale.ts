/**
 * A private Radicale (Debian's `radicale`) per test file or bench: own temp dir, htpasswd users in plain text,
 * a free loopback port. Rights come from a rules file equivalent to `owner_only` (each user reads and writes
 * only below /<user>/), so that a calendar can also be made read-only for its owner.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'

import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from './free-port'

export interface RadicaleOptions {
  /** user → password; default alice/alice-pw and bob/bob-pw. */
  readonly users?: Record<string, string>
}

export interface MakeCalendarOptions {
  /** IANA zone written as the collection's calendar-timezone (a VTIMEZONE with that TZID). */
  readonly timeZone?: string
  readonly displayName?: string
  /** The owner may read but not write (current-user-privilege-set then lacks write). */
  readonly readOnly?: boolean
}

export interface Radicale {
  /** Base URL with a trailing slash, e.g. http://127.0.0.1:PORT/ */
  readonly url: string
  readonly port: number
  readonly dir: string
  readonly users: Readonly<Record<string, string>>
  /** MKCALENDAR /<user>/<name>/; resolves with the collection URL (ending in /). */
  makeCalendar(user: string, name: string, options?: MakeCalendarOptions): Promise<string>
  /**
   * Writes objects straight into the calendar's storage folder, as files named `<name>`: Radicale picks them up
   * on the next request. For volume tests, because Radicale takes 50-100 ms per PUT.
   */
  seedObjects(user: string, calendar: string, objects: readonly { name: string; ics: string }[]): void
  /** Freezes the server (SIGSTOP): connections are accepted by the kernel but never answered. */
  pause(): void
  resume(): void
  stop(): Promise<void>
}

const defaultUsers = { alice: 'alice-pw', bob: 'bob-pw' }
const startTimeoutMs = 10_000

function requireRadicale(): void {
  if (spawnSync('radicale', ['--version']).error) {
    throw new Error('"radicale" is not installed: the CalDAV tests need it (apt-get install -y radicale)')
  }
}

function config(dir: string, port: number): string {
  return [
    '[server]',
    `hosts = 127.0.0.1:${port}`,
    '[auth]',
    'type = htpasswd',
    `htpasswd_filename = ${join(dir, 'users')}`,
    'htpasswd_encryption = plain',
    // Radicale waits 1 s after a wrong password by default; tests try wrong ones on purpose.
    'delay = 0',
    '[rights]',
    'type = from_file',
    `file = ${join(dir, 'rights')}`,
    '[storage]',
    `filesystem_folder = ${join(dir, 'collections')}`,
    '[logging]',
    'level = warning',
    '',
  ].join('\n')
}

/** Rules are read on every request, so read-only calendars take effect at once. First matching section wins. */
function rights(readOnly: readonly string[]): string {
  const sections = readOnly.map(
    (path, i) =>
      `[read-only-${i}]\nuser: .+\ncollection: ${path.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&')}\npermissions: r\n`,
  )
  sections.push('[root]\nuser: .+\ncollection:\npermissions: R\n')
  sections.push('[principal]\nuser: .+\ncollection: {user}\npermissions: RW\n')
  sections.push('[calendars]\nuser: .+\ncollection: {user}/[^/]+(/.*)?\npermissions: rw\n')
  return sections.join('\n')
}

/** Offset of `zone` in January as ±HHMM, from the runtime's zone data. */
function januaryOffset(zone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    timeZoneName: 'longOffset',
  }).formatToParts(new Date(Date.UTC(2026, 0, 15)))
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT'
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name)
  return match ? `${match[1]}${match[2]}${match[3]}` : '+0000'
}

/**
 * A VTIMEZONE carrying the zone's TZID with its January offset as a fixed rule: enough for reading the
 * calendar's zone back; not meant for DST arithmetic.
 */
function vtimezone(zone: string): string {
  const offset = januaryOffset(zone)
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Renkei tests//EN',
    'BEGIN:VTIMEZONE',
    `TZID:${zone}`,
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    `TZOFFSETFROM:${offset}`,
    `TZOFFSETTO:${offset}`,
    'END:STANDARD',
    'END:VTIMEZONE',
    'END:VCALENDAR',
    '',
  ].join('\r\n')
}

function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function mkcalendarBody(options: MakeCalendarOptions): string {
  const props = [
    options.displayName === undefined ? '' : `<D:displayname>${xmlText(options.displayName)}</D:displayname>`,
    options.timeZone === undefined
      ? ''
      : `<C:calendar-timezone>${xmlText(vtimezone(options.timeZone))}</C:calendar-timezone>`,
  ].join('')
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    '<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">' +
    `<D:set><D:prop>${props}</D:prop></D:set></C:mkcalendar>`
  )
}

async function waitUntilAnswering(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + startTimeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`radicale exited (${child.exitCode}) at start:\n${stderr()}`)
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) })
      return
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  child.kill('SIGKILL')
  throw new Error(`radicale did not answer on ${url} within ${startTimeoutMs / 1000} s:\n${stderr()}`)
}

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
}

export async function startRadicale(options: RadicaleOptions = {}): Promise<Radicale> {
  requireRadicale()
  const users: Record<string, string> = options.users ?? defaultUsers
  const dir = mkdtempSync(join(tmpdir(), 'renkei-radicale-'))
  const port = await freePort()
  const url = `http://127.0.0.1:${port}/`
  const readOnly: string[] = []
  writeFileSync(
    join(dir, 'users'),
    Object.entries(users)
      .map(([u, p]) => `${u}:${p}\n`)
      .join(''),
  )
  writeFileSync(join(dir, 'rights'), rights(readOnly))
  writeFileSync(join(dir, 'config'), config(dir, port))

  const child = spawn('radicale', ['--config', join(dir, 'config')], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', (b: Buffer) => {
    stderr = (stderr + b.toString('utf8')).slice(-20_000)
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  try {
    await waitUntilAnswering(url, child, () => stderr)
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    throw error
  }

  return {
    url,
    port,
    dir,
    users,
    async makeCalendar(user, name, calendarOptions = {}) {
      const password = users[user]
      if (password === undefined) throw new Error(`no Radicale user "${user}"`)
      const collection = `${url}${encodeURIComponent(user)}/${encodeURIComponent(name)}/`
      const response = await fetch(collection, {
        method: 'MKCALENDAR',
        headers: { Authorization: basic(user, password), 'Content-Type': 'application/xml; charset=utf-8' },
        body: mkcalendarBody(calendarOptions),
      })
      if (response.status !== 201) {
        throw new Error(`MKCALENDAR ${collection} → ${response.status} ${await response.text()}\n${stderr}`)
      }
      if (calendarOptions.readOnly === true) {
        readOnly.push(`${user}/${name}`)
        writeFileSync(join(dir, 'rights'), rights(readOnly))
      }
      return collection
    },
    seedObjects(user, calendar, objects) {
      const folder = join(dir, 'collections', 'collection-root', user, calendar)
      for (const { name, ics } of objects) writeFileSync(join(folder, name), ics)
    },
    pause: () => child.kill('SIGSTOP'),
    resume: () => child.kill('SIGCONT'),
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGCONT')
        child.kill('SIGTERM')
        await exited
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
