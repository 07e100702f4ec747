import { session } from 'electron'
import type { ResolveProxy } from '../core/network/proxy-route'

/**
 * The OS proxy settings (system proxy, WPAD and PAC scripts included) as Electron's network stack resolves
 * them for one URL, in PAC form ("PROXY host:port; DIRECT"). The core only sees this function, so it stays
 * Electron-free; asked per request, so a changed OS setting or PAC answer applies at once.
 */
export function systemProxyResolver(): ResolveProxy {
  return (url) => session.defaultSession.resolveProxy(url)
}
