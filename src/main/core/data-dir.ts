import {
  accessSync,
  chmodSync,
  closeSync,
  constants,
  mkdirSync,
  openSync,
  readdirSync,
  statSync,
  type Stats,
} from 'node:fs'
import { homedir } from 'node:os'
import { basename, isAbsolute, join, relative, resolve } from 'node:path'
import { ApiError } from '../../shared/model/errors'

/**
 * The same folder Electron uses as userData for an app named "renkei", so the desktop app, the
 * daemon and the CLI share one data directory unless --data-dir says otherwise.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'renkei')
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'renkei')
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'renkei')
}

/** Owner-only: the data holds names, e-mail addresses, event titles and settings. */
export const privateDirMode = 0o700
export const privateFileMode = 0o600

/** A file or folder whose mode let other local users in, and the mode it was given instead. */
export interface PermissionRepair {
  readonly path: string
  readonly from: string
  readonly to: string
  /** Why the mode could not be changed (a file another user owns): the start goes on and says so. */
  readonly failed?: string
}

/** Mode bits mean nothing on Windows (ACLs there); every other platform gets owner-only modes. */
const modesApply = process.platform !== 'win32'

const octal = (mode: number): string => (mode & 0o777).toString(8).padStart(4, '0')

function unusable(dataDir: string, why: { ja: string; en: string }, cause?: unknown): ApiError {
  return new ApiError(
    'invalid-input',
    {
      ja: `データフォルダー ${dataDir} を使用できません: ${why.ja}`,
      en: `The data directory ${dataDir} cannot be used: ${why.en}`,
    },
    cause instanceof Error ? { cause: cause.message } : undefined,
  )
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path)
  } catch {
    return null
  }
}

/**
 * Makes sure `dataDir` is a folder Renkei can write, creating it owner-only (0700), and creates the
 * database file owner-only (0600) before SQLite does: SQLite gives its -wal and -shm files the
 * database file's mode, whatever the umask. Refuses a file or a read-only folder in both languages,
 * changing nothing.
 */
export function prepareDataDir(dataDir: string, databaseFile: string): void {
  const existing = statOrNull(dataDir)
  if (existing && !existing.isDirectory()) {
    throw unusable(dataDir, {
      ja: 'フォルダーではなくファイルです。--data-dir にはフォルダーを指定してください。',
      en: 'it is a file, not a folder. Give --data-dir a folder.',
    })
  }
  try {
    if (!existing) mkdirSync(dataDir, { recursive: true, mode: privateDirMode })
    accessSync(dataDir, constants.W_OK | constants.X_OK)
  } catch (error) {
    throw unusable(
      dataDir,
      {
        ja: 'フォルダーを作成または書き込みできません（読み取り専用か、権限がありません）。書き込めるフォルダーを --data-dir に指定するか、権限を確認してください。',
        en: 'the folder cannot be created or written (read-only, or no permission). Give --data-dir a folder you can write, or check its permissions.',
      },
      error,
    )
  }
  const database = join(dataDir, databaseFile)
  if (!statOrNull(database)) closeSync(openSync(database, 'a', privateFileMode))
  if (modesApply && !existing) chmodSync(dataDir, privateDirMode)
}

/** The home folder, or a folder above it (the file system root included). */
function holdsHome(dataDir: string, home: string): boolean {
  const fromDir = relative(resolve(dataDir), resolve(home))
  return fromDir === '' || (!fromDir.startsWith('..') && !isAbsolute(fromDir))
}

/**
 * Whether the folder is Renkei's own — named for it, or holding nothing but its database — and not a
 * shared one (home, a folder above it, a sticky /tmp-like folder). A --data-dir slip such as /var or ~
 * must not make a whole tree owner-only: there only the database files are Renkei's to change.
 */
function dedicated(dataDir: string, stats: Stats, databaseFile: string, home: string): boolean {
  if ((stats.mode & 0o1000) !== 0 || holdsHome(dataDir, home)) return false
  if (/renkei/i.test(basename(resolve(dataDir)))) return true
  return readdirSync(dataDir).every((name) => name.startsWith(databaseFile))
}

/**
 * Takes group and other access away from the data directory and everything in it — files
 * written under umask 022 by an older Renkei, or copied in by hand, were readable by every local user.
 * Returns what it changed so the start can say so. In a folder that is not Renkei's own (see
 * `dedicated`) only the database files are changed.
 */
export function repairPrivateModes(
  dataDir: string,
  databaseFile: string,
  home: string = homedir(),
): PermissionRepair[] {
  if (!modesApply) return []
  const repairs: PermissionRepair[] = []
  // Only the group and other bits go: an owner-only read-only file stays read-only.
  const fix = (path: string, stats: Stats): void => {
    if ((stats.mode & 0o077) === 0) return
    const wanted = stats.mode & 0o700
    try {
      chmodSync(path, wanted)
      repairs.push({ path, from: octal(stats.mode), to: octal(wanted) })
    } catch (error) {
      const failed = (error as NodeJS.ErrnoException).code ?? String(error)
      repairs.push({ path, from: octal(stats.mode), to: octal(stats.mode), failed })
    }
  }
  const dirStats = statSync(dataDir)
  const shared = !dedicated(dataDir, dirStats, databaseFile, home)
  if (!shared) fix(dataDir, dirStats)
  const entries = readdirSync(dataDir, { recursive: !shared, withFileTypes: true })
  for (const entry of entries) {
    if (!entry.isFile() && !entry.isDirectory()) continue
    if (shared && !entry.name.startsWith(databaseFile)) continue
    const path = join(entry.parentPath, entry.name)
    const stats = statOrNull(path)
    if (stats) fix(path, stats)
  }
  return repairs
}
