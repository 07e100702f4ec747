import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../store/database'
import { OwnershipLedger } from './ownership-ledger'

let db: Db
beforeEach(() => {
  db = openDatabase(mkdtempSync(join(tmpdir(), 'renkei-ledger-')))
})
afterEach(() => db.close())

describe('OwnershipLedger', () => {
  it('keeps one ledger per target: another URL or branch sees nothing', () => {
    new OwnershipLedger(db, 'scim https://a.example/scim/v2').own('user', 'E1', 'id-1', 'id-1', 'created', 1)
    expect([...new OwnershipLedger(db, 'scim https://b.example/scim/v2').records()]).toEqual([])
  })

  it('intent, then ownership: a confirmed create keeps when it became Renkei’s; a refusal leaves nothing', () => {
    const ledger = new OwnershipLedger(db, 's')
    ledger.intendCreate('user', 'E1', 'taro', 10)
    expect([...ledger.records()]).toEqual([
      expect.objectContaining({ key: 'E1', handle: null, login: 'taro', state: 'pending', at: 10 }),
    ])
    ledger.own('user', 'E1', 'uuid-1', 'uid=taro,ou=p', 'created', 11)
    ledger.own('user', 'E1', 'uuid-1', 'uid=taro2,ou=p', 'adopted', 99)
    expect([...ledger.records()]).toEqual([
      expect.objectContaining({ handle: 'uuid-1', ref: 'uid=taro2,ou=p', origin: 'created', at: 11 }),
    ])
    ledger.intendCreate('group', 'G1', null, 12)
    ledger.dropPending('group', 'G1')
    expect([...ledger.records()].map((r) => r.key)).toEqual(['E1'])
  })

  it('drops intents older than a complete run, never owned rows or this run’s intents', () => {
    const ledger = new OwnershipLedger(db, 's')
    ledger.intendCreate('user', 'OLD', 'old', 5)
    ledger.intendCreate('user', 'NOW', 'now', 20)
    ledger.own('user', 'E1', 'h1', 'r1', 'adopted', 1)
    ledger.dropStalePending(20)
    expect([...ledger.records()].map((r) => r.key).sort()).toEqual(['E1', 'NOW'])
  })

  it('one handle, one owner: a handle recorded again under another key moves to it', () => {
    const ledger = new OwnershipLedger(db, 's')
    ledger.own('user', 'E1', 'h1', 'r1', 'created', 1)
    ledger.own('user', 'E2', 'h1', 'r1', 'adopted', 2)
    expect([...ledger.records()].map((r) => [r.key, r.handle])).toEqual([['E2', 'h1']])
  })
})
