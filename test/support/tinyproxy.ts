/**
 * A private tinyproxy (Debian's `tinyproxy`) per test file: own temp dir, a free loopback port, optional Basic
 * auth. Its own log is the proof the tests read: a CONNECT line per tunnelled request (https, and http too,
 * since undici tunnels every proxied request), nothing for requests that bypassed it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from './free-port'

export interface TinyproxyOptions {
  readonly basicAuth?: { readonly user: string; readonly password: string }
}

export interface Tinyproxy {
  /** http://127.0.0.1:PORT (no credentials). */
  readonly url: string
  readonly port: number
  /** The request lines tinyproxy logged ("CONNECT 127.0.0.1:4321 HTTP/1.1"), oldest first. */
  requests(): string[]
  stop(): Promise<void>
}

export function tinyproxyMissing(): boolean {
  return spawnSync('tinyproxy', ['-v']).error !== undefined
}

function config(dir: string, port: number, options: TinyproxyOptions): string {
  return [
    `Port ${port}`,
    'Listen 127.0.0.1',
    'Timeout 60',
    `PidFile "${join(dir, 'tinyproxy.pid')}"`,
    `LogFile "${join(dir, 'tinyproxy.log')}"`,
    'LogLevel Info',
    'MaxClients 50',
    'Allow 127.0.0.1',
    'DisableViaHeader Yes',
    // No ConnectPort lines: CONNECT to any port (Debian's default file allows only 443 and 563).
    ...(options.basicAuth ? [`BasicAuth ${options.basicAuth.user} ${options.basicAuth.password}`] : []),
    '',
  ].join('\n')
}

async function listening(port: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`tinyproxy exited with ${child.exitCode}`)
    const up = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1')
      socket.once('connect', () => {
        socket.end()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
    })
    if (up) return
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error('tinyproxy did not start listening within 5 s')
}

export async function startTinyproxy(options: TinyproxyOptions = {}): Promise<Tinyproxy> {
  const dir = mkdtempSync(join(tmpdir(), 'renkei-tinyproxy-'))
  const port = await freePort()
  writeFileSync(join(dir, 'tinyproxy.conf'), config(dir, port, options))
  // -d: stay in the foreground, so the child is the proxy and stops with it.
  const child = spawn('tinyproxy', ['-d', '-c', join(dir, 'tinyproxy.conf')], { stdio: 'ignore' })
  await listening(port, child)
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests() {
      let log = ''
      try {
        log = readFileSync(join(dir, 'tinyproxy.log'), 'utf8')
      } catch {
        return []
      }
      return [...log.matchAll(/Request \(file descriptor \d+\): (.+)$/gm)].map((m) => m[1]!.trim())
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await exited
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
