import { homedir } from 'node:os'
import { join } from 'node:path'

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
