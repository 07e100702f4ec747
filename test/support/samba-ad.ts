/**
 * A private Samba AD DC (realm CORP.TEST) per test file or bench: provisioned into a temp dir with its
 * own CA and a server certificate whose SAN holds the loopback address it listens on, started with
 * `-M single` (8 processes instead of 56). Data goes in with ldapadd over LDAPS, an LDAP client
 * independent of the one under test. Recipe and traps: /work/shared/recipes/enterprise-peers.md.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { accessSync, constants, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface SambaAd {
  /** The loopback address the DC listens on (its own, so two DCs never share ports). */
  readonly ip: string
  readonly ldapsUrl: string
  readonly ldapUrl: string
  readonly baseDn: string
  readonly bindDn: string
  readonly password: string
  /** The CA that signed the DC's certificate. */
  readonly caPem: string
  readonly smbConf: string
  ldapadd(ldif: string): Promise<void>
  ldapmodify(ldif: string): Promise<void>
  /** `samba-tool` in local mode (reads the database directly, as the recipe advises). */
  sambaTool(args: readonly string[]): string
  stop(): Promise<void>
}

const password = 'Adm1n-Passw0rd!'
const binaries = ['/usr/bin/samba-tool', '/usr/sbin/samba', '/usr/bin/ldapadd', '/usr/bin/openssl']

/** Why Samba AD tests cannot run here, or null when they can. */
export function sambaMissing(): string | null {
  // A DC listens on the privileged ports (88, 389, 636...).
  if (process.getuid?.() !== 0) return 'a Samba AD DC must run as root (it listens on ports below 1024)'
  for (const binary of binaries) {
    try {
      accessSync(binary, constants.X_OK)
    } catch {
      return `${binary} is not installed (apt-get install -y --no-install-recommends samba samba-ad-dc samba-ad-provision samba-dsdb-modules ldap-utils openssl)`
    }
  }
  return null
}

interface MustOptions {
  readonly cwd?: string
  readonly input?: string
  readonly env?: NodeJS.ProcessEnv
}

function must(command: string, args: readonly string[], options: MustOptions = {}): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...options })
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args[0] ?? ''} failed (${result.status}): ${result.stderr || result.stdout}`,
    )
  }
  return result.stdout
}

/** Test CA + server certificate for `ip` (Samba's own certificate names no IP address). */
function makeCertificates(tls: string, ip: string): void {
  mkdirSync(tls)
  const ssl = (args: string[]): string => must('openssl', args, { cwd: tls })
  ssl(
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '7',
    ].concat(
      ['-subj', '/CN=Renkei Test AD CA', '-addext', 'basicConstraints=critical,CA:TRUE'],
      ['-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
    ),
  )
  writeFileSync(
    join(tls, 'ext.cnf'),
    `subjectAltName=DNS:dc1.corp.test,IP:${ip}\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n`,
  )
  ssl([
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'key.pem',
    '-out',
    'srv.csr',
    '-subj',
    '/CN=dc1.corp.test',
  ])
  ssl(
    ['x509', '-req', '-in', 'srv.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial'].concat([
      '-days',
      '7',
      '-out',
      'cert.pem',
      '-extfile',
      'ext.cnf',
    ]),
  )
  // Samba refuses a key file others can read.
  must('chmod', ['600', join(tls, 'key.pem'), join(tls, 'ca.key')])
}

function provision(dir: string, ip: string): string {
  const tls = join(dir, 'tls-custom')
  const options = [
    `interfaces = ${ip}/8`,
    'bind interfaces only = yes',
    'server services = -dns',
    'dns update command = /bin/true',
    `log file = ${dir}/log/log.%m`,
    `pid directory = ${dir}/run`,
    `winbindd socket directory = ${dir}/run/winbindd`,
    `ntp signd socket directory = ${dir}/run/ntp_signd`,
    'tls enabled = yes',
    `tls keyfile = ${tls}/key.pem`,
    `tls certfile = ${tls}/cert.pem`,
    `tls cafile = ${tls}/ca.pem`,
  ]
  must('/usr/bin/samba-tool', [
    'domain', 'provision', '--configfile=/dev/null', `--targetdir=${dir}`, '--realm=CORP.TEST',
    '--domain=CORP', '--server-role=dc', '--dns-backend=SAMBA_INTERNAL', `--adminpass=${password}`,
    '--host-name=dc1', `--host-ip=${ip}`, ...options.map((o) => `--option=${o}`),
  ]) // prettier-ignore
  const smbConf = join(dir, 'etc', 'smb.conf')
  // Provision drops "require strong auth" and copies the machine's resolver as a DNS forwarder; plain
  // ldap:// binds need the former, and nosync saves about a quarter of the load time.
  const patched = readFileSync(smbConf, 'utf8')
    .split('\n')
    .filter((line) => !/dns forwarder/.test(line))
    .join('\n')
    .replace(/^\[global\]$/m, '[global]\n\tldap server require strong auth = no\n\tldb:nosync = true')
  writeFileSync(smbConf, patched)
  return smbConf
}

/** ldap-utils trusting the DC's CA. Not LDAPNOINIT: it would also ignore LDAPTLS_CACERT. */
const ldapEnv = (caFile: string): NodeJS.ProcessEnv => ({
  ...process.env,
  LDAPCONF: '/dev/null',
  LDAPTLS_CACERT: caFile,
})

async function waitForLdaps(
  ip: string,
  caFile: string,
  child: ChildProcess,
  log: () => string,
): Promise<void> {
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`samba exited (${child.exitCode}): ${log()}`)
    const probe = spawnSync(
      'ldapsearch',
      ['-x', '-H', `ldaps://${ip}`, '-b', '', '-s', 'base', 'dnsHostName'],
      {
        env: ldapEnv(caFile),
        encoding: 'utf8',
      },
    )
    if (probe.status === 0) return
    if (Date.now() > deadline) throw new Error(`samba did not answer on ldaps://${ip}: ${log()}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** The samba process and every descendant: smbd and winbindd start their own sessions. */
function processTree(pid: number): number[] {
  const children = spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter((line) => line.trim() !== '')
    .map(Number)
  return [pid, ...children.flatMap(processTree)]
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function stopTree(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null) return
  const pids = processTree(child.pid)
  child.kill('SIGTERM')
  const deadline = Date.now() + 10_000
  while (pids.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
  for (const pid of pids.filter(alive)) process.kill(pid, 'SIGKILL')
}

/** A loopback address of its own: Samba's ports are fixed, so each DC needs its own address. */
function randomLoopback(): string {
  const byte = (): number => 1 + Math.floor(Math.random() * 250)
  return `127.${20 + Math.floor(Math.random() * 200)}.${byte()}.${byte()}`
}

/** Provisions and starts a DC (about 5 s); call stop() in afterAll. */
export async function startSambaAd(ip = randomLoopback()): Promise<SambaAd> {
  const dir = mkdtempSync(join(tmpdir(), 'renkei-samba-'))
  let child: ChildProcess | null = null
  try {
    for (const sub of ['log', 'run']) mkdirSync(join(dir, sub))
    makeCertificates(join(dir, 'tls-custom'), ip)
    const smbConf = provision(dir, ip)
    const caFile = join(dir, 'tls-custom', 'ca.pem')
    child = spawn('/usr/sbin/samba', ['-s', smbConf, '-i', '-M', 'single', '-d', '0'], {
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let log = ''
    child.stderr?.on('data', (b: Buffer) => (log = (log + b.toString('utf8')).slice(-4000)))
    await waitForLdaps(ip, caFile, child, () => log)
    const baseDn = 'DC=corp,DC=test'
    const bindDn = `CN=Administrator,CN=Users,${baseDn}`
    const env = ldapEnv(caFile)
    const tool =
      (name: string) =>
      async (ldif: string): Promise<void> =>
        void must(name, ['-x', '-H', `ldaps://${ip}`, '-D', bindDn, '-w', password], { input: ldif, env })
    const running = child
    return {
      ip,
      ldapsUrl: `ldaps://${ip}`,
      ldapUrl: `ldap://${ip}`,
      baseDn,
      bindDn,
      password,
      caPem: readFileSync(caFile, 'utf8'),
      smbConf,
      ldapadd: tool('ldapadd'),
      ldapmodify: tool('ldapmodify'),
      sambaTool: (args) => must('/usr/bin/samba-tool', [...args, '-s', smbConf]),
      async stop() {
        await stopTree(running)
        rmSync(dir, { recursive: true, force: true })
      },
    }
  } catch (error) {
    if (child) await stopTree(child)
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
}
