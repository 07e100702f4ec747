/** `renkei link send` and `renkei link directory` as an administrator runs them: the built CLI, its own process. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../support/cli'
import { skipWithoutKeychain } from '../support/keychain'

describe.skipIf(skipWithoutKeychain())('renkei link send / directory', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'renkei-link-cli-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('send with no active link sends nothing and says so', () => {
    const json = runCli(['--data-dir', dir, 'link', 'send', '--json'])
    expect(json.status).toBe(0)
    expect(JSON.parse(json.stdout)).toEqual({ links: [] })
    const text = runCli(['--data-dir', dir, 'link', 'send'])
    expect(text.stdout).toContain('送信するリンクはありません')
  })

  it('refuses an unknown link and a bad offset in both languages', () => {
    const unknown = runCli(['--data-dir', dir, 'link', 'directory', 'nope', '--json'])
    expect(unknown.status).toBe(1)
    expect(unknown.stderr).toContain('リンク「nope」はありません')
    expect(unknown.stderr).toContain('There is no link "nope"')
    const offset = runCli(['--data-dir', dir, 'link', 'directory', 'nope', '--offset', '-3'])
    expect(offset.status).toBe(2)
    expect(offset.stderr).toContain('--offset は 0 以上の整数')
    expect(offset.stderr).toContain('--offset must be a whole number')
  })
})
