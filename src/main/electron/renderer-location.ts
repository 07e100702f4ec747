import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Where the app's own UI comes from: the electron-vite dev server, or the built index.html. */
export interface RendererLocation {
  readonly devUrl?: string
  readonly indexFile: string
}

/**
 * ELECTRON_RENDERER_URL is honoured only for an unpackaged app, so an installed copy can never be
 * pointed at another page through the environment.
 */
export function rendererLocation(
  indexFile: string,
  isPackaged: boolean,
  env: NodeJS.ProcessEnv = process.env,
): RendererLocation {
  const devUrl = isPackaged ? undefined : env.ELECTRON_RENDERER_URL
  return devUrl ? { devUrl, indexFile } : { indexFile }
}

/**
 * True when `url` is a page of the app itself: same origin as the dev server, or exactly the built
 * index.html (any hash route). Paths are compared decoded, so percent-encoding differences between
 * Chromium and Node (spaces, Japanese user names) do not matter.
 */
export function isAppUrl(url: string, location: RendererLocation, platform = process.platform): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (location.devUrl) return parsed.origin === new URL(location.devUrl).origin
  if (parsed.protocol !== 'file:') return false
  let path: string
  try {
    path = resolve(fileURLToPath(parsed))
  } catch {
    return false
  }
  const expected = resolve(location.indexFile)
  // Windows paths are case-insensitive (and drive letters come in either case).
  return platform === 'win32' ? path.toLowerCase() === expected.toLowerCase() : path === expected
}
