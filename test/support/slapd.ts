/**
 * A private OpenLDAP server per test file (or bench): own temp dir, config, free loopback ports, optional TLS
 * with a CA made for the run. Assertions go through the ldap-utils command-line tools, a client independent
 * of the one under test.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { accessSync, constants, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createConnection } from 'node:net'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { freePort } from './free-port'

export interface SlapdOptions {
  /** Default 'dc=example,dc=jp'. Must start with a dc= level. */
  readonly suffix?: string
  /** Also listen on ldaps:// and offer StartTLS, with a self-signed CA and a server certificate for 127.0.0.1. */
  readonly tls?: boolean
  /** An LDIF file loaded offline with slapadd before the server starts (much faster than ldapadd). */
  readonly preloadLdifFile?: string
  /** Extra lines for the database section (limits, access rules...). */
  readonly databaseConfig?: readonly string[]
}

/** An entry as ldapsearch printed it; attribute names lower-cased, values decoded. */
export interface LdifEntry {
  readonly dn: string
  readonly attributes: Readonly<Record<string, readonly string[]>>
}

export interface Slapd {
  readonly url: string
  readonly port: number
  /** null without TLS */
  readonly ldapsUrl: string | null
  readonly suffix: string
  readonly rootDn: string
  readonly rootPassword: string
  readonly dir: string
  /** The CA certificate that signed the server certificate (path and PEM); null without TLS. */
  readonly caFile: string | null
  readonly caPem: string | null
  ldapadd(ldif: string): Promise<void>
  ldapmodify(ldif: string): Promise<void>
  /** Entries under `base` matching `filter`; [] when the base does not exist. */
  ldapsearch(base: string, filter?: string, attrs?: readonly string[]): Promise<LdifEntry[]>
  /** Whether `dn` can bind with `password` (ldapwhoami). */
  canBind(dn: string, password: string): Promise<boolean>
  /** Freezes the server (SIGSTOP): connections are accepted by the kernel but never answered. */
  pause(): void
  resume(): void
  stop(): Promise<void>
}

const sbinDirs = ['/usr/sbin', '/usr/local/sbin', '/sbin']

function findBinary(name: string, pkg: string): string {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), ...sbinDirs].filter((d) => d !== '')
  for (const dir of dirs) {
    try {
      accessSync(join(dir, name), constants.X_OK)
      return join(dir, name)
    } catch {
      // try the next directory
    }
  }
  throw new Error(`"${name}" is not installed: the LDAP tests need it (apt-get install -y ${pkg})`)
}

interface Run {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

function run(command: string, args: readonly string[], input = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    // LDAPNOINIT: ignore ~/.ldaprc and /etc/ldap/ldap.conf, so the machine's settings cannot leak in.
    const child = spawn(command, args, { env: { ...process.env, LDAPNOINIT: '1' } })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (b: Buffer) => out.push(b))
    child.stderr.on('data', (b: Buffer) => err.push(b))
    child.once('error', reject)
    child.once('close', (code) =>
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    )
    child.stdin.end(input)
  })
}

function decodeLine(line: string): [string, string] | null {
  const colon = line.indexOf(':')
  if (colon <= 0) return null
  const name = line.slice(0, colon)
  if (line[colon + 1] === ':')
    return [name, Buffer.from(line.slice(colon + 2).trim(), 'base64').toString('utf8')]
  return [name, line.slice(colon + 1).replace(/^ /, '')]
}

/** Parses ldapsearch -LLL output (base64 values, continuation lines). */
export function parseLdif(text: string): LdifEntry[] {
  const entries: LdifEntry[] = []
  for (const block of text.replace(/\r?\n /g, '').split(/\n\s*\n/)) {
    let dn: string | null = null
    const attributes: Record<string, string[]> = {}
    for (const line of block.split('\n')) {
      if (line.startsWith('#') || line.trim() === '') continue
      const pair = decodeLine(line)
      if (!pair) continue
      const [name, value] = pair
      if (name.toLowerCase() === 'dn') dn = value
      else (attributes[name.toLowerCase()] ??= []).push(value)
    }
    if (dn !== null) entries.push({ dn, attributes })
  }
  return entries
}

function makeCertificates(dir: string): void {
  const openssl = findBinary('openssl', 'openssl')
  const ssl = (...args: string[]): void => {
    const result = spawnSync(openssl, args, { cwd: dir, encoding: 'utf8' })
    if (result.status !== 0) throw new Error(`openssl ${args[0]} failed: ${result.stderr}`)
  }
  writeFileSync(
    join(dir, 'server-ext.cnf'),
    [
      'subjectAltName=IP:127.0.0.1,DNS:ldap.renkei.test',
      'basicConstraints=CA:FALSE',
      'keyUsage=digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      '',
    ].join('\n'),
  )
  const days = ['-days', '2']
  const key = ['-newkey', 'rsa:2048', '-nodes']
  ssl('req', '-x509', ...key, '-keyout', 'ca.key', '-out', 'ca.pem', '-subj', '/CN=Renkei Test CA', ...days)
  ssl('req', ...key, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1')
  const sign = ['-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-extfile', 'server-ext.cnf']
  ssl('x509', '-req', '-in', 'server.csr', ...sign, '-out', 'server.pem', ...days)
}

interface ConfigInput {
  readonly dir: string
  readonly suffix: string
  readonly rootDn: string
  readonly rootPassword: string
  readonly tls: boolean
  readonly databaseConfig: readonly string[]
}

function slapdConfig({ dir, suffix, rootDn, rootPassword, tls, databaseConfig }: ConfigInput): string {
  const schemas = ['core', 'cosine', 'nis', 'inetorgperson'].map(
    (s) => `include /etc/ldap/schema/${s}.schema`,
  )
  const tlsLines = tls
    ? [
        `TLSCACertificateFile ${join(dir, 'ca.pem')}`,
        `TLSCertificateFile ${join(dir, 'server.pem')}`,
        `TLSCertificateKeyFile ${join(dir, 'server.key')}`,
      ]
    : []
  return [
    ...schemas,
    'modulepath /usr/lib/ldap',
    'moduleload back_mdb',
    `pidfile ${join(dir, 'slapd.pid')}`,
    `argsfile ${join(dir, 'slapd.args')}`,
    ...tlsLines,
    'database mdb',
    // A sparse file: room for benches with 100k+ entries.
    'maxsize 2147483648',
    `suffix "${suffix}"`,
    `rootdn "${rootDn}"`,
    `rootpw ${rootPassword}`,
    `directory ${join(dir, 'data')}`,
    'index objectClass,uid,member,employeeNumber eq',
    `limits dn.exact="${rootDn}" size=unlimited time=unlimited`,
    ...databaseConfig,
    '',
  ].join('\n')
}

function slapadd(dir: string, file: string): void {
  const result = spawnSync(
    findBinary('slapadd', 'slapd'),
    ['-q', '-f', join(dir, 'slapd.conf'), '-l', file],
    {
      encoding: 'utf8',
    },
  )
  if (result.status !== 0) throw new Error(`slapadd ${file} failed: ${result.stderr}`)
}

function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 15_000
  return new Promise((resolve, reject) => {
    const attempt = (): void => {
      if (child.exitCode !== null) return reject(new Error(`slapd exited (${child.exitCode}): ${log()}`))
      const socket = createConnection(port, '127.0.0.1')
      socket.once('connect', () => {
        socket.destroy()
        resolve()
      })
      socket.once('error', () => {
        socket.destroy()
        if (Date.now() > deadline) reject(new Error(`slapd did not answer on port ${port}: ${log()}`))
        else setTimeout(attempt, 50)
      })
    }
    attempt()
  })
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  child.kill('SIGCONT')
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000)
    child.once('exit', () => {
      clearTimeout(force)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

function baseEntry(suffix: string): string {
  const dc = /^dc=([^,]+)/i.exec(suffix)?.[1]
  if (!dc) throw new Error(`the suffix must start with dc=...: ${suffix}`)
  return `dn: ${suffix}\nobjectClass: top\nobjectClass: dcObject\nobjectClass: organization\ndc: ${dc}\no: ${dc}\n`
}

interface Started {
  readonly child: ChildProcess
  readonly port: number
  readonly ldapsPort: number | null
}

/** Starts slapd on fresh ports; retries when another process grabbed a probed port in between. */
async function launch(dir: string, tls: boolean): Promise<Started> {
  const slapdBinary = findBinary('slapd', 'slapd')
  let lastError: unknown = null
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort()
    const ldapsPort = tls ? await freePort() : null
    const urls = [`ldap://127.0.0.1:${port}/`, ...(ldapsPort ? [`ldaps://127.0.0.1:${ldapsPort}/`] : [])]
    const child = spawn(slapdBinary, ['-f', join(dir, 'slapd.conf'), '-h', urls.join(' '), '-d', '0'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let log = ''
    child.stderr?.on('data', (b: Buffer) => (log = (log + b.toString('utf8')).slice(-4000)))
    try {
      await waitForPort(port, child, () => log)
      if (ldapsPort) await waitForPort(ldapsPort, child, () => log)
      return { child, port, ldapsPort }
    } catch (error) {
      lastError = error
      await stopProcess(child)
    }
  }
  throw lastError
}

async function checked(what: string, result: Promise<Run>): Promise<Run> {
  const done = await result
  if (done.code !== 0) throw new Error(`${what} failed (${done.code}): ${done.stderr.trim()}`)
  return done
}

/** A fresh slapd with only the suffix entry (plus `preloadLdifFile`); call stop() in afterAll. */
export async function startSlapd(options: SlapdOptions = {}): Promise<Slapd> {
  const suffix = options.suffix ?? 'dc=example,dc=jp'
  const tls = options.tls ?? false
  const rootDn = `cn=admin,${suffix}`
  const rootPassword = 'admin-secret'
  const dir = mkdtempSync(join(tmpdir(), 'renkei-slapd-'))
  let child: ChildProcess | null = null
  try {
    mkdirSync(join(dir, 'data'))
    if (tls) makeCertificates(dir)
    const databaseConfig = options.databaseConfig ?? []
    writeFileSync(
      join(dir, 'slapd.conf'),
      slapdConfig({ dir, suffix, rootDn, rootPassword, tls, databaseConfig }),
    )
    writeFileSync(join(dir, 'base.ldif'), baseEntry(suffix))
    slapadd(dir, join(dir, 'base.ldif'))
    if (options.preloadLdifFile) slapadd(dir, options.preloadLdifFile)
    const started = await launch(dir, tls)
    child = started.child
    const url = `ldap://127.0.0.1:${started.port}`
    const ldapTools = findBinary('ldapsearch', 'ldap-utils').replace(/ldapsearch$/, '')
    const asRoot = ['-x', '-H', url, '-D', rootDn, '-w', rootPassword]
    const caFile = tls ? join(dir, 'ca.pem') : null
    const running = child
    return {
      url,
      port: started.port,
      ldapsUrl: started.ldapsPort ? `ldaps://127.0.0.1:${started.ldapsPort}` : null,
      suffix,
      rootDn,
      rootPassword,
      dir,
      caFile,
      caPem: caFile ? readFileSync(caFile, 'utf8') : null,
      async ldapadd(ldif) {
        await checked('ldapadd', run(`${ldapTools}ldapadd`, asRoot, ldif))
      },
      async ldapmodify(ldif) {
        await checked('ldapmodify', run(`${ldapTools}ldapmodify`, asRoot, ldif))
      },
      async ldapsearch(base, filter = '(objectClass=*)', attrs = []) {
        const args = [...asRoot, '-LLL', '-o', 'ldif-wrap=no', '-b', base, filter, ...attrs]
        const result = await run(`${ldapTools}ldapsearch`, args)
        if (result.code === 32) return []
        if (result.code !== 0) throw new Error(`ldapsearch failed (${result.code}): ${result.stderr.trim()}`)
        return parseLdif(result.stdout)
      },
      async canBind(dn, password) {
        const result = await run(`${ldapTools}ldapwhoami`, ['-x', '-H', url, '-D', dn, '-w', password])
        if (result.code === 0) return true
        if (result.code === 49) return false
        throw new Error(`ldapwhoami failed (${result.code}): ${result.stderr.trim()}`)
      },
      pause() {
        running.kill('SIGSTOP')
      },
      resume() {
        running.kill('SIGCONT')
      },
      async stop() {
        await stopProcess(running)
        rmSync(dir, { recursive: true, force: true })
      },
    }
  } catch (error) {
    if (child) await stopProcess(child)
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
}
