import { existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * better-sqlite3 is a V8 addon: one binary cannot serve both Node's and Electron's ABI.
 * node_modules keeps the Node build (tests, daemon, CLI); `npm run electron:native` puts an Electron
 * build in .electron-native/, which the app loads through better-sqlite3's `nativeBinding` option.
 * keytar uses N-API, so its single binary works in both runtimes.
 */
export function electronNativeBinding(
  versions: NodeJS.ProcessVersions = process.versions,
  root: string = process.env.RENKEI_APP_ROOT ?? process.cwd(),
): string | undefined {
  const electron = (versions as NodeJS.ProcessVersions & { electron?: string }).electron
  if (!electron) return undefined
  const candidate = join(root, '.electron-native', `electron-${electron}`, 'better_sqlite3.node')
  if (!existsSync(candidate)) {
    throw new Error(
      `The SQLite module for Electron ${electron} is missing (${candidate}). Run "npm run electron:native" once, then start again.`,
    )
  }
  return candidate
}
