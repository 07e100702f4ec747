import { describe, expect, it } from 'vitest'
import { defaultDirectoryConfig } from '../../../../shared/model/directory-config'
import { blockReason, checkDeletions, checkLicence, type GuardInput } from './guards'

const base: GuardInput = {
  config: defaultDirectoryConfig,
  activeSourceUsers: 100,
  reportedLimit: null,
  activeNow: 90,
  newUsers: 10,
  removals: 0,
  base: 1000,
  approveDeletions: false,
}

describe('licence guard (seed ②: source users must fit the licences)', () => {
  it('passes without a limit and at exactly the limit, blocks one over and says by how many', () => {
    expect(checkLicence(base)).toMatchObject({ limit: null, over: 0, seatsFree: null })
    const at = checkLicence({ ...base, config: { ...base.config, licenceCount: 100 } })
    expect(at).toMatchObject({ limit: 100, over: 0, seatsFree: 10, newUsers: 10 })
    const over = checkLicence({
      ...base,
      activeSourceUsers: 103,
      config: { ...base.config, licenceCount: 100 },
    })
    expect(over.over).toBe(3)
    expect(blockReason(over, checkDeletions(base))?.ja).toContain('3 人超えています')
  })

  it('uses the limit the target reports when none is set, and the setting over the report', () => {
    expect(checkLicence({ ...base, reportedLimit: 95 }).over).toBe(5)
    expect(
      checkLicence({ ...base, reportedLimit: 95, config: { ...base.config, licenceCount: 200 } }).over,
    ).toBe(0)
  })
})

describe('deletion guard (default 500 or 10%)', () => {
  it('trips above either threshold, not at it', () => {
    expect(checkDeletions({ ...base, removals: 100 }).tripped).toBe(false)
    expect(checkDeletions({ ...base, removals: 101 }).tripped).toBe(true)
    expect(checkDeletions({ ...base, removals: 500, base: 100_000 }).tripped).toBe(false)
    expect(checkDeletions({ ...base, removals: 501, base: 100_000 }).tripped).toBe(true)
  })

  it('an approved run passes without changing the thresholds', () => {
    const approved = checkDeletions({ ...base, removals: 600, approveDeletions: true })
    expect(approved).toMatchObject({ tripped: true, approved: true, maxCount: 500, maxPercent: 10 })
    expect(blockReason(checkLicence(base), approved)).toBeNull()
    expect(blockReason(checkLicence(base), { ...approved, approved: false })?.en).toContain('600 users')
  })
})
