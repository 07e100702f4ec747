import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../store/database'
import { LinkNonceRepository, nonceRetentionMs } from './nonce-repository'

describe('link nonce replay guard', () => {
  let dir: string
  let db: Db
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'renkei-nonces-'))
    db = openDatabase(dir)
  })
  afterEach(() => {
    db.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const rows = (): number => db.prepare('SELECT COUNT(*) FROM link_nonces').pluck().get() as number

  it('accepts a nonce once per key, and forgets it only after 10 minutes', () => {
    const nonces = new LinkNonceRepository(db)
    const t = 1_000_000_000
    expect(nonces.remember('key-a', 'n1', t)).toBe(true)
    expect(nonces.remember('key-a', 'n1', t + 1)).toBe(false)
    expect(nonces.remember('key-b', 'n1', t + 2)).toBe(true)
    expect(nonces.remember('key-a', 'n1', t + nonceRetentionMs)).toBe(false)
    expect(nonces.remember('key-a', 'n2', t + nonceRetentionMs + 3)).toBe(true)
    // Pruned as it goes: the first two rows are older than 10 minutes now.
    expect(rows()).toBe(1)
  })
})
