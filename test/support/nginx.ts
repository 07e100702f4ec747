/**
 * Debian's nginx as a partner's HTTPS front with `auth_basic` (how a site puts Basic authentication in front
 * of an application), reverse-proxying to an upstream. Own prefix directory, foreground master, stopped by
 * the test.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SiteCertificate } from './partner-certs'

export function nginxMissing(): boolean {
  return spawnSync('nginx', ['-v']).error !== undefined
}

export interface NginxBasicAuth {
  stop(): Promise<void>
}

function config(dir: string, address: string, upstream: string): string {
  return `
user root;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')};
events { worker_connections 64; }
http {
  access_log ${join(dir, 'access.log')};
  client_body_temp_path ${join(dir, 'tmp')};
  proxy_temp_path ${join(dir, 'tmp')};
  fastcgi_temp_path ${join(dir, 'tmp')};
  uwsgi_temp_path ${join(dir, 'tmp')};
  scgi_temp_path ${join(dir, 'tmp')};
  server {
    listen ${address}:443 ssl;
    ssl_certificate ${join(dir, 'cert.pem')};
    ssl_certificate_key ${join(dir, 'key.pem')};
    location / {
      auth_basic "Partner intranet";
      auth_basic_user_file ${join(dir, 'htpasswd')};
      proxy_pass ${upstream};
      proxy_ssl_verify off;
    }
  }
}
`
}

async function listening(address: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}`)
    const up = await new Promise<boolean>((resolve) => {
      const socket = connect(443, address)
      socket.once('connect', () => {
        socket.end()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
    })
    if (up) return
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error(`nginx did not start listening on ${address}:443 within 5 s`)
}

/** nginx on <address>:443 asking every request for Basic credentials (user "partner") before `upstream`. */
export async function startNginxBasicAuth(
  address: string,
  certificate: SiteCertificate,
  upstream: string,
): Promise<NginxBasicAuth> {
  const dir = mkdtempSync(join(tmpdir(), 'renkei-nginx-'))
  mkdirSync(join(dir, 'tmp'))
  writeFileSync(join(dir, 'cert.pem'), certificate.cert)
  writeFileSync(join(dir, 'key.pem'), certificate.key, { mode: 0o600 })
  const hash = execFileSync('openssl', ['passwd', '-apr1', 'partner-secret'], { encoding: 'utf8' }).trim()
  writeFileSync(join(dir, 'htpasswd'), `partner:${hash}\n`)
  writeFileSync(join(dir, 'nginx.conf'), config(dir, address, upstream))
  const child = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: 'ignore',
  })
  await listening(address, child)
  return {
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
