import { mkdtempSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import { accessTokenSecret, startDaemon, type RunningDaemon } from '../../src/main/daemon'

let daemon: RunningDaemon
let base: string
const secrets = new MemorySecretStore()

beforeAll(async () => {
  const rendererRoot = mkdtempSync(join(tmpdir(), 'renkei-renderer-'))
  writeFileSync(join(rendererRoot, 'index.html'), '<!doctype html><title>Renkei</title>')
  daemon = await startDaemon({
    dataDir: mkdtempSync(join(tmpdir(), 'renkei-daemon-')),
    port: 0,
    version: 't',
    rendererRoot,
    secrets,
  })
  base = `http://127.0.0.1:${daemon.port}`
})
afterAll(async () => {
  await daemon.stop()
})

function call(method: string, body: unknown, headers: Record<string, string>): Promise<Response> {
  return fetch(`${base}/api/call/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
}

/** fetch() cannot forge Host, so this one goes through node:http. */
function statusWithHost(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: daemon.port,
        path: '/api/call/app.status',
        method: 'POST',
        headers: { Host: host, Authorization: `Bearer ${daemon.token}` },
      },
      (res) => resolve(res.statusCode ?? 0),
    )
    req.on('error', reject)
    req.end('{}')
  })
}

describe('daemon access control', () => {
  it('keeps the access token in the secret store and prints it in the URL', async () => {
    expect(await secrets.get(accessTokenSecret)).toBe(daemon.token)
    expect(daemon.url).toBe(`${base}/#token=${daemon.token}`)
  })

  it('serves the UI without a token, with a CSP', async () => {
    const response = await fetch(`${base}/`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect((await fetch(`${base}/../../etc/passwd`)).status).not.toBe(200)
  })

  it('refuses API calls without a token or with a wrong one (401)', async () => {
    expect((await call('app.status', {}, {})).status).toBe(401)
    expect((await call('app.status', {}, { Authorization: 'Bearer nope' })).status).toBe(401)
  })

  it('refuses a foreign Origin or Host even with the token (403)', async () => {
    const auth = { Authorization: `Bearer ${daemon.token}` }
    expect((await call('app.status', {}, { ...auth, Origin: 'http://evil.example' })).status).toBe(403)
    expect(await statusWithHost('evil.example:80')).toBe(403)
  })

  it('answers the contract with the token, from this origin', async () => {
    const response = await call('settings.get', {}, { Authorization: `Bearer ${daemon.token}`, Origin: base })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      ok: true,
      value: { language: 'ja', historyRetentionMonths: 12, startAtLogin: false },
    })
    const bad = await call('settings.update', { language: 'fr' }, { Authorization: `Bearer ${daemon.token}` })
    expect(await bad.json()).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: { ja: expect.any(String), en: expect.any(String) } },
    })
  })
})

/** A raw GET, so the path reaches the daemon byte for byte (no client-side normalisation). */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: daemon.port, path, method: 'GET' }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

/** A WebSocket upgrade request with a raw path; resolves with what the daemon wrote back. */
function rawUpgrade(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(daemon.port, '127.0.0.1', () => {
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${daemon.port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
          'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
      )
    })
    let answer = ''
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')))
    socket.on('end', () => resolve(answer))
    socket.on('error', reject)
  })
}

describe('daemon and malformed requests', () => {
  it('answers a malformed path with 400 (API: 401 first), bilingual, and logs no stack trace', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      for (let i = 0; i < 3; i++) {
        const page = await rawGet('/%E0%A4%A')
        expect(page.status).toBe(400)
        expect(page.body).toContain('不正な URL')
        expect(page.body).toContain('Bad request')
        expect(await rawUpgrade('//[')).toMatch(/^HTTP\/1.1 400 Bad Request/)
        expect((await rawGet('/assets/%ZZ.js')).status).toBe(400)
        expect((await rawGet('/api/call/%E0%A4%A')).status).toBe(401)
        expect((await rawGet('//[')).status).toBe(400)
      }
      expect(logged).not.toHaveBeenCalled()
    } finally {
      logged.mockRestore()
    }
  })
})

describe('daemon with a data directory it cannot use', () => {
  it('refuses in both languages and leaves no new token in the keychain', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'renkei-daemon-file-')), 'not-a-folder')
    writeFileSync(file, 'x')
    const empty = new MemorySecretStore()
    await expect(
      startDaemon({ dataDir: file, port: 0, version: 't', rendererRoot: tmpdir(), secrets: empty }),
    ).rejects.toMatchObject({ localized: { ja: expect.stringContaining('フォルダーではなくファイル') } })
    expect(await empty.names()).toEqual([])
  })
})

describe('daemon events', () => {
  it('refuses a WebSocket without the token', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${daemon.port}/api/events`)
    const outcome = await new Promise<string>((resolve) => {
      ws.on('open', () => resolve('open'))
      ws.on('error', (e) => resolve(e.message))
    })
    expect(outcome).toMatch(/401/)
  })

  it('pushes core events to an authorised socket', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${daemon.port}/api/events?token=${daemon.token}`)
    await new Promise((resolve) => ws.on('open', resolve))
    const received = new Promise<{ event: string; payload: { language: string } }>((resolve) =>
      ws.on('message', (data) => {
        const message = JSON.parse(String(data)) as { event: string; payload: { language: string } }
        if (message.event === 'settings.changed') resolve(message)
      }),
    )
    await call('settings.update', { language: 'en' }, { Authorization: `Bearer ${daemon.token}` })
    expect((await received).payload.language).toBe('en')
    ws.close()
  })
})
