import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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

function call(method: string, token: string, body: unknown = {}): Promise<Response> {
  return fetch(`${base}/api/call/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  })
}

function openSocket(token: string): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${daemon.port}/api/events?token=${token}`)
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws))
    ws.once('error', reject)
  })
}

interface Rotation {
  readonly ok: true
  readonly value: { url: string; secrets: { name: string; group: string; action: string }[] }
}

describe('rotating the daemon access token', () => {
  it('refuses the old token at once, accepts the new one and answers with the URL to open', async () => {
    const old = daemon.token
    const oldSocket = await openSocket(old)
    const closed = new Promise<void>((resolve) => oldSocket.once('close', () => resolve()))

    const response = await call('secrets.rotateAccessToken', old)
    expect(response.status).toBe(200)
    const { value } = (await response.json()) as Rotation
    const fresh = /#token=([A-Za-z0-9_-]+)$/.exec(value.url)?.[1]
    expect(value.url).toBe(`${base}/#token=${fresh}`)
    expect(fresh).not.toBe(old)
    expect(await secrets.get(accessTokenSecret)).toBe(fresh)
    expect(daemon.url).toBe(value.url)
    expect(value.secrets).toContainEqual(
      expect.objectContaining({ name: accessTokenSecret, group: 'app', action: 'rotate' }),
    )

    expect((await call('app.status', old)).status).toBe(401)
    expect((await call('app.status', fresh!)).status).toBe(200)
    await closed
    await expect(openSocket(old)).rejects.toThrow(/401/)
    ;(await openSocket(fresh!)).close()
  })

  it('writes an audit line that holds neither token', async () => {
    const before = daemon.token
    await call('secrets.rotateAccessToken', before)
    const page = (await (
      await call('history.search', daemon.token, { filter: { category: 'audit' } })
    ).json()) as {
      value: { entries: { message: string; messageEn: string | null }[] }
    }
    const text = JSON.stringify(page.value.entries)
    expect(page.value.entries[0]?.messageEn).toMatch(/new daemon access token/)
    expect(text).not.toContain(before)
    expect(text).not.toContain(daemon.token)
  })
})
