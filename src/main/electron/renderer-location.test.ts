import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { isAppUrl, rendererLocation } from './renderer-location'

describe('rendererLocation', () => {
  it('uses ELECTRON_RENDERER_URL only for an unpackaged app', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' }
    expect(rendererLocation('/a/index.html', false, env)).toEqual({
      indexFile: '/a/index.html',
      devUrl: 'http://localhost:5173',
    })
    expect(rendererLocation('/a/index.html', true, env)).toEqual({ indexFile: '/a/index.html' })
  })
})

describe('isAppUrl', () => {
  const indexFile = '/home/田中 太郎/renkei/out/renderer/index.html'

  it('accepts the built index.html however Chromium encodes it, with any hash route', () => {
    const href = pathToFileURL(indexFile).href
    expect(isAppUrl(href, { indexFile })).toBe(true)
    expect(isAppUrl(`${href}#/history`, { indexFile })).toBe(true)
    expect(isAppUrl(`file://${indexFile.replace(/ /g, '%20')}`, { indexFile })).toBe(true)
  })

  it('refuses other files, other schemes and garbage', () => {
    expect(isAppUrl('file:///home/other/index.html', { indexFile })).toBe(false)
    expect(isAppUrl('https://example.com/index.html', { indexFile })).toBe(false)
    expect(isAppUrl('not a url', { indexFile })).toBe(false)
    expect(isAppUrl('file://remote-host/share/index.html', { indexFile })).toBe(false)
  })

  it('compares Windows paths case-insensitively', () => {
    const location = { indexFile: '/C/App/out/renderer/index.html' }
    expect(isAppUrl('file:///c/app/OUT/renderer/index.html', location, 'win32')).toBe(true)
    expect(isAppUrl('file:///c/app/OUT/renderer/index.html', location, 'linux')).toBe(false)
  })

  it('in development trusts exactly the dev server origin', () => {
    const location = { indexFile, devUrl: 'http://localhost:5173/' }
    expect(isAppUrl('http://localhost:5173/#/settings', location)).toBe(true)
    expect(isAppUrl('http://localhost:5174/', location)).toBe(false)
    expect(isAppUrl('http://127.0.0.1:5173/', location)).toBe(false)
  })
})
