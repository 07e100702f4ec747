import { randomBytes } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import { startDaemon, type RunningDaemon } from '../../src/main/daemon'
import { testEmployee, testSnapshot, writeHome } from '../support/exchange-sites'
import type { NoticeKind } from '../../src/shared/model/notices'
import { openSse } from '../support/sse-reader'

/**
 * The gadget through a real daemon and core on 127.0.0.1: URLs from the API, pages and streams without the
 * daemon's access token (the gadget token is the credential), the API still behind it.
 */
let daemon: RunningDaemon
let dataDir: string
let base: string
const yamada = testEmployee(1, { nameJa: '山田 太郎', nameEn: 'Taro Yamada' })
const other = testEmployee(2)
const secrets = new MemorySecretStore()

beforeAll(async () => {
  const rendererRoot = mkdtempSync(join(tmpdir(), 'renkei-renderer-'))
  writeFileSync(join(rendererRoot, 'index.html'), '<!doctype html><title>Renkei</title>')
  dataDir = mkdtempSync(join(tmpdir(), 'renkei-gadget-'))
  writeHome(dataDir, testSnapshot([yamada, other]))
  daemon = await startDaemon({
    dataDir,
    port: 0,
    version: 't',
    rendererRoot,
    secrets,
  })
  base = `http://127.0.0.1:${daemon.port}`
  const kinds: NoticeKind[] = ['schedule.changed', 'todo.added']
  await daemon.core.api['notice.optins.set']({ scope: 'everyone', code: '', kinds, enabled: true })
})
afterAll(async () => {
  await daemon.stop()
})

/** An event for one employee, taken in as a groupware hands it over. */
async function arrive(employeeKey: string, id: string, kind: NoticeKind, title: string): Promise<void> {
  await daemon.core.api['notice.events.ingest']({
    event: { id, kind, addressees: [employeeKey], fields: { title } },
  })
}

async function employeeUrl(key: string): Promise<string> {
  return (await daemon.core.api['notice.gadget.url']({ employeeKey: key })).url
}

describe('notice gadget on the daemon', () => {
  it("hands out URLs on the daemon's own address, and refuses an unknown employee (ja/en)", async () => {
    const url = await employeeUrl(yamada.key)
    expect(url).toMatch(new RegExp(`^${base}/renkei-notice/v1/gadget/e/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}$`))
    const admin = await daemon.core.api['notice.gadget.url']({})
    expect(admin.url).toMatch(new RegExp(`^${base}/renkei-notice/v1/gadget/a/[A-Za-z0-9_-]{43}$`))
    expect(admin.expiresAt).toBeNull()
    await expect(daemon.core.api['notice.gadget.url']({ employeeKey: 'NOBODY' })).rejects.toMatchObject({
      code: 'not-found',
      localized: { ja: expect.stringContaining('NOBODY'), en: expect.stringContaining('NOBODY') },
    })
  })

  it('serves the employee page without the access token, with the security headers', async () => {
    const response = await fetch(await employeeUrl(yamada.key))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'$/)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('x-frame-options')).toBeNull()
    const html = await response.text()
    expect(html).toContain('山田 太郎')
    expect(html).toContain('お知らせはまだありません')
    const script = await fetch(`${base}/renkei-notice/v1/gadget/gadget.js`)
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
  })

  it('serves the admin gadget with every engine, while the API still needs the access token', async () => {
    const admin = (await daemon.core.api['notice.gadget.url']({})).url
    const html = await (await fetch(`${admin}?lang=en`)).text()
    for (const engine of ['Directory sync', 'Calendar sync', 'Site link', 'Notice relay'])
      expect(html).toContain(engine)
    const token = admin.slice(admin.lastIndexOf('/') + 1)
    const call = (auth: Record<string, string>) =>
      fetch(`${base}/api/call/app.status`, { method: 'POST', headers: auth, body: '{}' })
    expect((await call({})).status).toBe(401)
    expect((await call({ Authorization: `Bearer ${token}` })).status).toBe(401)
    expect((await call({ Authorization: `Bearer ${daemon.token}` })).status).toBe(200)
    expect((await fetch(`${base}/renkei-notice/v1/gadget/a/${token}x`)).status).toBe(403)
    expect((await fetch(`${base}/renkei-notice/v1/nothing`)).status).toBe(404)
  })

  it("streams an employee's new notice to that employee only, escaped, with the unread count", async () => {
    const mine = await openSse(`${await employeeUrl(yamada.key)}/events`)
    const theirs = await openSse(`${await employeeUrl(other.key)}/events`)
    expect(mine.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    await arrive(yamada.key, 'ev-1', 'schedule.changed', '<script>alert(1)</script> 定例会議')
    const message = JSON.parse((await mine.next('notice')).data) as {
      html: string
      unread: number
      unreadText: string
    }
    expect(message.html).toContain('&#60;script&#62;alert(1)&#60;/script&#62; 定例会議')
    expect(message.html).not.toContain('<script>')
    expect(message.html).toContain('class="unread"')
    expect(message).toMatchObject({ unread: 1, unreadText: '未読 1 件' })
    await expect(theirs.next('notice', 500)).rejects.toThrow(/no server-sent event/)
    mine.close()
    theirs.close()
  })

  it('marks notices read (all, or by id), only for its own employee; a bad body is refused in ja/en', async () => {
    const url = await employeeUrl(yamada.key)
    const post = (body: string) =>
      fetch(`${url}/read`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })
    const bad = await post('{"ids":"all"}')
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ error: { ja: expect.any(String), en: expect.any(String) } })
    const theirs = await fetch(`${await employeeUrl(other.key)}/read`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"all":true}',
    })
    expect(await theirs.json()).toMatchObject({ changed: 0 })
    expect(await (await post('{"all":true}')).json()).toMatchObject({ changed: 1, unread: 0 })
  })

  it('streams health changes to the admin gadget', async () => {
    const stream = await openSse(`${(await daemon.core.api['notice.gadget.url']({})).url}/events`)
    await daemon.core.api['jobs.pause']({ id: 'directory.sync' })
    expect(JSON.parse((await stream.next('health')).data).html).toContain('data-testid="gadget-health"')
    stream.close()
  })

  it('rotate ends the streams and every URL handed out so far', async () => {
    const oldUrl = await employeeUrl(yamada.key)
    const oldAdmin = (await daemon.core.api['notice.gadget.url']({})).url
    const stream = await openSse(`${oldUrl}/events`)
    await daemon.core.api['notice.gadget.rotate']({})
    await stream.ended()
    expect((await fetch(oldUrl)).status).toBe(403)
    expect((await fetch(`${oldUrl}/events`)).status).toBe(403)
    expect((await fetch(oldAdmin)).status).toBe(403)
    expect(await employeeUrl(yamada.key)).not.toBe(oldUrl)
    const history = await daemon.core.api['history.search']({ filter: { category: 'audit' } })
    const rotated = JSON.stringify(history)
    expect(rotated).toContain('鍵を更新しました')
    expect(rotated).not.toContain(oldUrl.slice(oldUrl.lastIndexOf('/') + 1))
  })

  it('a key renewed by another process (the CLI) ends an open stream at its next event', async () => {
    const stream = await openSse(`${await employeeUrl(yamada.key)}/events`)
    await secrets.set('notices.gadget.key', randomBytes(32).toString('base64'))
    await arrive(yamada.key, 'ev-2', 'todo.added', 'after the rotation')
    await expect(stream.next('notice')).rejects.toThrow(/ended/)
  })
})
