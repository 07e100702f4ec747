import { describe, expect, it, vi } from 'vitest'
import { networkSettings } from '../../shared/model/network'
import { routeFor } from '../core/network/proxy-route'
import { systemProxyResolver } from './system-proxy'

const electron = vi.hoisted(() => ({ resolveProxy: vi.fn<(url: string) => Promise<string>>() }))

vi.mock('electron', () => ({ session: { defaultSession: { resolveProxy: electron.resolveProxy } } }))

const env = { httpProxy: '', httpsProxy: '', noProxy: [] }
const system = networkSettings.parse({ mode: 'system' })

describe('system proxy (Electron resolves the OS settings)', () => {
  it('routes through the proxy the OS (or its PAC script) names for that URL', async () => {
    electron.resolveProxy.mockResolvedValueOnce('PROXY proxy.corp.example:8080; DIRECT')
    const route = await routeFor(
      new URL('https://feeds.example.jp/a.ics'),
      system,
      env,
      systemProxyResolver(),
    )
    expect(electron.resolveProxy).toHaveBeenLastCalledWith('https://feeds.example.jp/a.ics')
    expect(route).toEqual({ kind: 'proxy', proxy: 'http://proxy.corp.example:8080' })
  })

  it('goes direct when the OS says DIRECT, and skips SOCKS entries it cannot use', async () => {
    electron.resolveProxy.mockResolvedValueOnce('DIRECT')
    expect(await routeFor(new URL('http://intra/'), system, env, systemProxyResolver())).toEqual({
      kind: 'direct',
      reason: 'system',
    })
    electron.resolveProxy.mockResolvedValueOnce('SOCKS5 socks.corp:1080; HTTPS secure.corp:443')
    expect(await routeFor(new URL('https://x.example/'), system, env, systemProxyResolver())).toEqual({
      kind: 'proxy',
      proxy: 'https://secure.corp:443',
    })
  })
})
