/**
 * A private Mailman 3 core (Debian's `mailman3`) per test file: its own var_dir in a temp dir, the REST API
 * on a free 127.0.0.1 port, NullMTA for incoming mail. Only the REST runner is started: Renkei talks to
 * Mailman over REST only, and without the mail runners anything Mailman would send (welcome, goodbye,
 * rejection notices) stays in var/queue, where `queuedMessages()` counts it — so tests can prove that no
 * mail was generated without an SMTP sink.
 */
import { spawn, spawnSync } from 'node:child_process'
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from './free-port'

export interface MailmanServer {
  /** REST root with the API version, e.g. http://127.0.0.1:PORT/3.1 */
  readonly baseUrl: string
  readonly adminUser: string
  readonly password: string
  readonly dir: string
  readonly startupMs: number
  /** Messages Mailman queued for sending (virgin/out/retry queues); the runners that send them are off. */
  queuedMessages(): string[]
  /** Freezes the whole Mailman process group (SIGSTOP): connections are accepted but never answered. */
  pause(): void
  resume(): void
  stop(): Promise<void>
}

/** Runners a REST-only Mailman does not need (each is a separate Python process). */
const runnersOff = 'archive bounces command in lmtp nntp out pipeline retry task virgin digest'.split(' ')
const startTimeoutMs = 30_000
const stopTimeoutMs = 10_000
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function requireMailman(): void {
  if (spawnSync('mailman', ['--version']).error)
    throw new Error(
      '"mailman" is not installed: the Mailman tests need Debian\'s mailman3 ' +
        '(apt-get install -y --no-install-recommends mailman3)',
    )
}

/** No inline comments in the file: Mailman would make them part of the value. */
function config(dir: string, rest: number, lmtp: number, smtp: number, password: string): string {
  const lines = [
    '[mailman]',
    'layout: tmp',
    'site_owner: owner@example.test',
    '[paths.tmp]',
    `var_dir: ${dir}/var`,
    // The default "$argv" resolves to /usr/bin, which has neither master nor runner.
    'bin_dir: /usr/lib/mailman3/bin',
    '[webservice]',
    'hostname: 127.0.0.1',
    `port: ${rest}`,
    'admin_user: restadmin',
    `admin_pass: ${password}`,
    'workers: 1',
    '[mta]',
    'incoming: mailman.mta.null.NullMTA',
    'smtp_host: 127.0.0.1',
    `smtp_port: ${smtp}`,
    'lmtp_host: 127.0.0.1',
    `lmtp_port: ${lmtp}`,
    ...runnersOff.flatMap((runner) => [`[runner.${runner}]`, 'start: no']),
    '',
  ]
  return lines.join('\n')
}

/**
 * As root every mailman command needs --run-as-root; as another user the flag is harmless. Output goes to a
 * file, not a pipe: the daemon it forks inherits the descriptors, and a pipe would stay open as long as it.
 */
function mailman(dir: string, ...args: string[]): Promise<void> {
  const log = join(dir, 'mailman-cli.log')
  const out = openSync(log, 'a')
  const child = spawn('mailman', ['--run-as-root', '-C', join(dir, 'mailman.cfg'), ...args], {
    stdio: ['ignore', out, out],
  })
  closeSync(out)
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`mailman ${args.join(' ')} failed (${code}): ${readFileSync(log, 'utf8')}`)),
    )
  })
}

async function waitForRest(baseUrl: string, auth: string, dir: string, t0: number): Promise<void> {
  for (;;) {
    try {
      const answer = await fetch(`${baseUrl}/system/versions`, { headers: { authorization: auth } })
      if (answer.ok) return
    } catch {
      // not listening yet
    }
    if (Date.now() - t0 > startTimeoutMs)
      throw new Error(`Mailman REST did not come up in ${startTimeoutMs / 1000} s; see ${dir}/var/logs`)
    await sleep(100)
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** SIGTERM to the process group (the master leads it); SIGKILL if it has not gone after 10 s. */
async function stopGroup(pid: number): Promise<void> {
  try {
    process.kill(-pid, 'SIGCONT')
    process.kill(-pid, 'SIGTERM')
  } catch {
    return
  }
  const deadline = Date.now() + stopTimeoutMs
  while (alive(pid) && Date.now() < deadline) await sleep(50)
  if (alive(pid)) process.kill(-pid, 'SIGKILL')
}

export async function startMailman(): Promise<MailmanServer> {
  requireMailman()
  const dir = mkdtempSync(join(tmpdir(), 'renkei-mailman-'))
  const password = `rest-${Math.random().toString(36).slice(2)}`
  const [rest, lmtp, smtp] = [await freePort(), await freePort(), await freePort()]
  writeFileSync(join(dir, 'mailman.cfg'), config(dir, rest, lmtp, smtp, password))
  const baseUrl = `http://127.0.0.1:${rest}/3.1`
  const auth = 'Basic ' + Buffer.from(`restadmin:${password}`).toString('base64')
  const t0 = Date.now()
  // The master writes its pid file a moment after `start` returns: read it once REST answers.
  const pidFile = join(dir, 'var/master.pid')
  let pid = 0
  try {
    await mailman(dir, 'start', '-q')
    await waitForRest(baseUrl, auth, dir, t0)
    pid = Number(readFileSync(pidFile, 'utf8'))
  } catch (error) {
    if (existsSync(pidFile)) await stopGroup(Number(readFileSync(pidFile, 'utf8')))
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
  const queues = ['virgin', 'out', 'retry'].map((queue) => join(dir, 'var/queue', queue))
  return {
    baseUrl,
    adminUser: 'restadmin',
    password,
    dir,
    startupMs: Date.now() - t0,
    queuedMessages: () =>
      queues.flatMap((queue) =>
        (existsSync(queue) ? readdirSync(queue) : []).filter((f) => f.endsWith('.pck')),
      ),
    pause: () => process.kill(-pid, 'SIGSTOP'),
    resume: () => process.kill(-pid, 'SIGCONT'),
    async stop() {
      await stopGroup(pid)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
