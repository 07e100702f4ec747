/**
 * Debian's prosody, started by the test in its own temp directory on a free loopback port (prosody cannot
 * listen on port 0: a port is picked by binding 127.0.0.1:0 first), accounts registered with prosodyctl.
 * No TLS module: on loopback Renkei may sign in with PLAIN over plain text, nowhere else.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from './free-port'

export interface Prosody {
  readonly service: string
  readonly domain: string
  register(user: string, password: string): void
  /** Prosody's info log (sign-ins: "Authenticated as …"). */
  log(): string
  /** Stops the server and starts it again on the same port with the same accounts: every session drops. */
  restart(): Promise<void>
  stop(): Promise<void>
}

function config(dir: string, port: number): string {
  return `prosody_user = "root"
run_as_root = true
pidfile = "${dir}/prosody.pid"
data_path = "${dir}/data"
certificates = "${dir}/certs"
interfaces = { "127.0.0.1" }
c2s_ports = { ${port} }
modules_enabled = { "roster"; "saslauth"; "disco"; "ping" }
modules_disabled = { "s2s" }
authentication = "internal_plain"
c2s_require_encryption = false
allow_unencrypted_plain_auth = true
log = { info = "${dir}/prosody.log" }
VirtualHost "localhost"
`
}

const accepts = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })

async function launch(file: string, port: number): Promise<ChildProcess> {
  const child = spawn('prosody', ['--config', file], { stdio: 'ignore' })
  const deadline = Date.now() + 10_000
  while (!(await accepts(port))) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGKILL')
      throw new Error(`prosody did not listen on ${port}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return child
}

async function halt(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3_000))])
  if (child.exitCode === null) child.kill('SIGKILL')
}

export async function startProsody(): Promise<Prosody> {
  const dir = mkdtempSync(join(tmpdir(), 'renkei-prosody-'))
  mkdirSync(join(dir, 'data'))
  mkdirSync(join(dir, 'certs'))
  const port = await freePort()
  const file = join(dir, 'prosody.cfg.lua')
  writeFileSync(file, config(dir, port))
  let child = await launch(file, port)
  return {
    service: `xmpp://127.0.0.1:${port}`,
    domain: 'localhost',
    register(user, password) {
      const result = spawnSync('prosodyctl', ['--config', file, 'register', user, 'localhost', password], {
        encoding: 'utf8',
      })
      if (result.status !== 0) throw new Error(`prosodyctl register failed: ${result.stderr}`)
    },
    log: () => (existsSync(join(dir, 'prosody.log')) ? readFileSync(join(dir, 'prosody.log'), 'utf8') : ''),
    async restart() {
      await halt(child)
      child = await launch(file, port)
    },
    async stop() {
      await halt(child)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export interface XmppInbox {
  readonly messages: { readonly from: string; readonly body: string }[]
  waitFor(count: number, timeoutMs?: number): Promise<{ readonly from: string; readonly body: string }[]>
  stop(): Promise<void>
}

/** A real @xmpp/client signed in as `user`, keeping every chat message it receives: the recipient's side. */
export async function openInbox(server: Prosody, user: string, password: string): Promise<XmppInbox> {
  const { client, xml } = await import('@xmpp/client')
  const messages: { from: string; body: string }[] = []
  const session = client({
    service: server.service,
    domain: server.domain,
    resource: 'inbox',
    credentials: (authenticate) => authenticate({ username: user, password }, 'PLAIN'),
  })
  session.on('error', () => undefined)
  session.on('stanza', (stanza: import('@xmpp/client').XmppElement) => {
    const body = stanza.is('message') ? stanza.getChildText('body') : null
    if (body !== null) messages.push({ from: stanza.attrs.from ?? '', body })
  })
  await session.start()
  await session.send(xml('presence'))
  return {
    messages,
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs
      while (messages.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} XMPP messages, got ${messages.length}`)
        await new Promise((resolve) => setTimeout(resolve, 25))
      }
      return messages
    },
    stop: async () => {
      session.reconnect.stop()
      await session.stop()
    },
  }
}
