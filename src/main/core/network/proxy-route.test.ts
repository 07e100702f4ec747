import { describe, expect, it } from 'vitest'
import { networkSettings } from '../../../shared/model/network'
import { bypassesProxy, proxyEnvironment, routeFor } from './proxy-route'

const url = (text: string): URL => new URL(text)
const noEnv = { httpProxy: '', httpsProxy: '', noProxy: [] }

describe('NO_PROXY matching', () => {
  it.each([
    ['https://intra.corp.example/a', 'corp.example', true],
    ['https://intra.corp.example/a', '.corp.example', true],
    ['https://corp.example/', '.corp.example', true],
    ['https://notcorp.example/', 'corp.example', false],
    ['http://127.0.0.3:8080/', '127.0.0.3', true],
    ['http://127.0.0.3:8080/', '127.0.0.3:8080', true],
    ['http://127.0.0.3:8081/', '127.0.0.3:8080', false],
    ['https://10.1.2.3/', '10.0.0.0/8', true],
    ['https://11.1.2.3/', '10.0.0.0/8', false],
    ['https://host.example/', '*', true],
    ['https://[::1]:8443/', '::1', true],
  ])('%s with NO_PROXY=%s → bypass %s', (target, entry, expected) => {
    expect(bypassesProxy(url(target), [entry])).toBe(expected)
  })
})

describe('route', () => {
  it('environment mode: HTTPS_PROXY for https, HTTP_PROXY for http, lower case first, NO_PROXY of both kinds', async () => {
    const env = proxyEnvironment({
      HTTPS_PROXY: 'http://upper:3128',
      https_proxy: 'http://lower:3128',
      HTTP_PROXY: 'http://plain:8080',
      NO_PROXY: 'skip.example, 127.0.0.2',
    })
    const settings = networkSettings.parse({ mode: 'environment', noProxy: ['also.example'] })
    expect(await routeFor(url('https://a.example/'), settings, env, null)).toEqual({
      kind: 'proxy',
      proxy: 'http://lower:3128',
    })
    expect(await routeFor(url('http://a.example/'), settings, env, null)).toEqual({
      kind: 'proxy',
      proxy: 'http://plain:8080',
    })
    for (const bypass of ['https://skip.example/', 'http://127.0.0.2:99/', 'https://also.example/']) {
      expect(await routeFor(url(bypass), settings, env, null)).toEqual({ kind: 'direct', reason: 'no-proxy' })
    }
  })

  it('none ignores the environment; manual uses its own URL and list', async () => {
    const env = proxyEnvironment({ HTTPS_PROXY: 'http://env:3128' })
    expect(
      await routeFor(url('https://a.example/'), networkSettings.parse({ mode: 'none' }), env, null),
    ).toEqual({
      kind: 'direct',
      reason: 'mode',
    })
    const manual = networkSettings.parse({
      mode: 'manual',
      proxyUrl: 'http://proxy.corp:8080',
      noProxy: ['.corp'],
    })
    expect(await routeFor(url('https://a.example/'), manual, env, null)).toEqual({
      kind: 'proxy',
      proxy: 'http://proxy.corp:8080',
    })
    expect(await routeFor(url('https://wiki.corp/'), manual, noEnv, null)).toEqual({
      kind: 'direct',
      reason: 'no-proxy',
    })
  })
})
