/**
 * A private Debian Prosody for the inbound XMPP source's tests (recipe: ../shared/recipes, §2): its own
 * directory, a free loopback port, no STARTTLS (so only a 127.x client may sign in, with PLAIN), accounts made
 * with prosodyctl; with `tls`, also a direct-TLS port (xmpps://) serving that certificate. Stopped by its PID;
 * `restart` keeps ports and accounts (a server that went away and came back).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from './free-port'

export interface Prosody {
  readonly port: number
  /** The direct-TLS port, when started with a certificate. */
  readonly tlsPort: number | null
  readonly domain: string
  register(user: string, password: string): void
  stop(): Promise<void>
  restart(): Promise<void>
  close(): Promise<void>
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
  })
}

export async function startProsody(tls?: { readonly cert: string; readonly key: string }): Promise<Prosody> {
  const dir = mkdtempSync(join(tmpdir(), 'renkei-prosody-'))
  for (const sub of ['data', 'certs']) mkdirSync(join(dir, sub))
  const port = await freePort()
  const tlsPort = tls ? await freePort() : null
  if (tls) {
    writeFileSync(join(dir, 'tls.pem'), tls.cert)
    writeFileSync(join(dir, 'tls.key'), tls.key, { mode: 0o600 })
  }
  const domain = 'localhost'
  const config = join(dir, 'prosody.cfg.lua')
  writeFileSync(
    config,
    [
      'prosody_user = "root"',
      'run_as_root = true',
      `pidfile = "${dir}/prosody.pid"`,
      `data_path = "${dir}/data"`,
      `certificates = "${dir}/certs"`,
      'interfaces = { "127.0.0.1" }',
      `c2s_ports = { ${port} }`,
      'modules_enabled = { "roster"; "saslauth"; "disco"; "ping" }',
      'modules_disabled = { "s2s" }',
      'authentication = "internal_plain"',
      ...(tls
        ? [
            `c2s_direct_tls_ports = { ${tlsPort} }`,
            `ssl = { certificate = "${dir}/tls.pem"; key = "${dir}/tls.key" }`,
          ]
        : []),
      'c2s_require_encryption = false',
      'allow_unencrypted_plain_auth = true',
      `log = { info = "${dir}/prosody.log" }`,
      `VirtualHost "${domain}"`,
      '',
    ].join('\n'),
  )
  let child: ChildProcess | null = null
  const start = async (): Promise<void> => {
    child = spawn('prosody', ['--config', config], { stdio: 'ignore' })
    for (let i = 0; i < 200; i++) {
      if (await accepts(port)) return
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    throw new Error(`prosody did not listen on 127.0.0.1:${port}`)
  }
  const stop = async (): Promise<void> => {
    const running = child
    child = null
    if (!running || running.exitCode !== null) return
    const exited = new Promise((resolve) => running.once('exit', resolve))
    running.kill('SIGTERM')
    await exited
  }
  await start()
  return {
    port,
    tlsPort,
    domain,
    register: (user, password) =>
      execFileSync('prosodyctl', ['--config', config, 'register', user, domain, password], { stdio: 'pipe' }),
    stop,
    restart: async () => {
      await stop()
      await start()
    },
    close: async () => {
      await stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
