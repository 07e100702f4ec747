import { rmSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AcceptRuleInput, VisitRuleSet } from '../../src/shared/model/sitelink-rules'
import {
  openLinkedPair,
  testEmployee,
  testSnapshot,
  writeHome,
  type TestSite,
} from '../support/exchange-sites'

/** A: 30 people, E000001 and E000002 in group G1. B: 10 people of its own. */
function homeOfA(groupMembers = ['E000001', 'E000002']) {
  const people = Array.from({ length: 30 }, (_, i) => testEmployee(i + 1))
  return {
    ...testSnapshot(people.map((e) => ({ ...e, groups: groupMembers.includes(e.key) ? ['G1'] : [] }))),
    groups: [{ code: 'G1', nameJa: 'プロジェクトX', nameEn: 'Project X' }],
  }
}
const homeOfB = testSnapshot(Array.from({ length: 10 }, (_, i) => testEmployee(i + 101)))

const visitRules: VisitRuleSet = {
  everyone: false,
  targets: [
    { kind: 'group', code: 'G1' },
    { kind: 'department', code: 'D2' },
  ],
}
const acceptRules: AcceptRuleInput[] = [
  { id: 'global', scope: 'global', permission: 'read' },
  { id: 'sales', scope: 'department', department: 'D2', permission: 'write' },
  { id: 'blocked', scope: 'employee', employee: 'E000022', permission: 'none' },
]

describe('site link visit and accept rules (in-process transport)', () => {
  let pair: Awaited<ReturnType<typeof openLinkedPair>>
  let a: TestSite
  let b: TestSite

  beforeEach(async () => {
    pair = await openLinkedPair()
    ;({ a, b } = pair)
    writeHome(a.dir, homeOfA())
    writeHome(b.dir, homeOfB)
    // Each side holds the other's directory, as after a link's first send.
    await a.core.api['link.sendNow']({})
    await b.core.api['link.sendNow']({})
  })
  afterEach(async () => {
    await pair.close()
    for (const site of [a, b]) rmSync(site.dir, { recursive: true, force: true })
  })

  const rules = (site: TestSite) => site.core.api['link.rules.get']({ id: site.linkId })
  const explain = (site: TestSite, employeeKey: string, direction: 'outgoing' | 'incoming') =>
    site.core.api['link.explain']({ employeeKey, direction, linkId: site.linkId })

  it('visit rules saved on A reach B at once, and A then sees them acknowledged', async () => {
    const saved = await a.core.api['link.rules.update']({ id: a.linkId, visit: visitRules })
    expect(saved.visit).toEqual(visitRules)
    expect(saved.visitSync).toMatchObject({ version: 1, updatedBy: expect.any(String) })
    expect(saved.acceptSync.version).toBe(0)
    // No 「今すぐ送信」 and no 15-minute wait: the save itself sent the link's rules.
    await vi.waitFor(async () => expect((await rules(b)).partnerVisit).toEqual(visitRules))
    await vi.waitFor(async () =>
      expect((await rules(a)).visitSync).toMatchObject({ version: 1, synced: true, plannedSendAt: null }),
    )
    const history = await a.core.api['history.search']({ filter: { category: 'sitelink', text: '訪問設定' } })
    expect(history.entries.map((e) => e.messageEn)).toContainEqual(
      expect.stringContaining('visit rules (version 1)'),
    )

    await a.core.api['link.rules.update']({ id: a.linkId, visit: { everyone: true, targets: [] } })
    await vi.waitFor(async () => expect((await rules(b)).partnerVisit?.everyone).toBe(true))
    await vi.waitFor(async () =>
      expect((await rules(a)).visitSync).toMatchObject({ version: 2, synced: true }),
    )
  })

  it('accept rules on B reach A; explain outgoing on A and incoming on B agree for each person', async () => {
    await b.core.api['link.rules.update']({ id: b.linkId, accept: { rules: acceptRules } })
    await a.core.api['link.rules.update']({ id: a.linkId, visit: visitRules })
    await vi.waitFor(async () => expect((await rules(a)).partnerAccept?.rules).toHaveLength(3))
    await vi.waitFor(async () => expect((await rules(b)).partnerVisit).toEqual(visitRules))
    expect((await rules(a)).partnerAccept?.rules[1]).toMatchObject({ id: 'sales', permission: 'write' })

    const expected = {
      // In G1 (main department D1): the group target lets them in, the global rule decides.
      E000001: { allowed: true, target: { kind: 'group', code: 'G1' }, permission: 'read', ruleId: 'global' },
      // Main department D2: the department rule.
      E000002: { allowed: true, target: { kind: 'group', code: 'G1' }, permission: 'write', ruleId: 'sales' },
      E000022: {
        allowed: false,
        target: { kind: 'department', code: 'D2' },
        permission: 'none',
        ruleId: 'blocked',
      },
      // Neither in G1 nor in D2: A's visit rules already refuse.
      E000005: { allowed: false, target: null, permission: null, ruleId: null },
    } as const
    for (const [key, want] of Object.entries(expected)) {
      for (const [site, direction] of [
        [a, 'outgoing'],
        [b, 'incoming'],
      ] as const) {
        const answer = await explain(site, key, direction)
        const { outcome } = answer.links[0]!
        expect({ key, direction, allowed: outcome.allowed }).toEqual({
          key,
          direction,
          allowed: want.allowed,
        })
        expect(outcome.visit.target).toEqual(want.target)
        expect(outcome.accept?.permission ?? null).toBe(want.permission)
        expect(outcome.accept?.ruleId ?? null).toBe(want.ruleId)
        expect(answer.employee.name).toBe(`社員 ${Number(key.slice(1))}`)
      }
    }
    const trail = (await explain(a, 'E000022', 'outgoing')).links[0]!.outcome.accept!.trail
    expect(trail.filter((step) => step.decisive).map((step) => step.ruleId)).toEqual(['blocked'])
    await expect(explain(b, 'E999999', 'incoming')).rejects.toThrow(/E999999/)
  })

  it('refuses unknown codes in both languages and changes nothing', async () => {
    const before = a.sent.length
    const refused = a.core.api['link.rules.update']({
      id: a.linkId,
      visit: { everyone: false, targets: [{ kind: 'department', code: 'NOPE' }] },
      accept: {
        rules: [
          { id: 'global', scope: 'global', permission: 'read' },
          { id: 'x', scope: 'department', department: 'ZZZ', permission: 'write' },
        ],
      },
    })
    await expect(refused).rejects.toMatchObject({
      localized: {
        ja: expect.stringMatching(/何も変更していません[\s\S]*NOPE[\s\S]*ZZZ/),
        en: expect.stringMatching(/Nothing was changed[\s\S]*"NOPE"[\s\S]*"ZZZ"/),
      },
    })
    // A code of A's own directory is not one of the partner's: accept rules name B's people.
    await expect(
      b.core.api['link.rules.update']({
        id: b.linkId,
        accept: {
          rules: [
            { id: 'global', scope: 'global', permission: 'read' },
            { id: 'e', scope: 'employee', employee: 'E000101', permission: 'none' },
          ],
        },
      }),
    ).rejects.toThrow(/E000101/)
    // …while a view restriction names what visitors may see here: B's own people, not A's.
    const view = { mode: 'allow' as const, departments: [], employees: ['E000001'] }
    await expect(
      b.core.api['link.rules.update']({
        id: b.linkId,
        accept: { rules: [{ id: 'global', scope: 'global', permission: 'read', view }] },
      }),
    ).rejects.toThrow(/view restriction: employee "E000001" is not in the home directory/)
    expect((await rules(b)).acceptSync.version).toBe(0)
    const after = await rules(a)
    expect(after.visitSync.version).toBe(0)
    expect(after.acceptSync.version).toBe(0)
    expect(after.visit.everyone).toBe(true)
    expect(a.sent.slice(before).filter((batch) => batch.kind === 'rules')).toEqual([])
    expect((await rules(b)).partnerVisit).toBeNull()
  })

  it('a group target travels with its members, and follows a directory change', async () => {
    await a.core.api['link.rules.update']({
      id: a.linkId,
      visit: { everyone: false, targets: [{ kind: 'group', code: 'G1' }] },
    })
    await vi.waitFor(async () => expect((await rules(b)).partnerVisit).not.toBeNull())
    const incoming = () => b.core.api['link.visitors']({ id: b.linkId, direction: 'incoming', allowed: true })
    expect((await incoming()).rows.map((r) => r.key)).toEqual(['E000001', 'E000002'])
    // Partner departments by the names the partner sent, not only their codes.
    expect((await incoming()).rows[0]).toMatchObject({ mainDepartment: 'D1', mainDepartmentName: '部署 1' })
    expect((await explain(b, 'E000003', 'incoming')).links[0]!.outcome.allowed).toBe(false)

    writeHome(a.dir, homeOfA(['E000001', 'E000002', 'E000003']))
    await a.core.api['link.sendNow']({})
    expect((await incoming()).rows.map((r) => r.key)).toEqual(['E000001', 'E000002', 'E000003'])
    expect((await explain(b, 'E000003', 'incoming')).links[0]!.outcome.allowed).toBe(true)

    const outgoing = await a.core.api['link.visitors']({ id: a.linkId })
    expect(outgoing).toMatchObject({ direction: 'outgoing', total: 30, allowedTotal: 3, nextOffset: null })
    expect(outgoing.rows[0]).toMatchObject({
      key: 'E000001',
      allowed: true,
      permission: 'read',
      ruleId: 'global',
    })
    expect(outgoing.rows[3]).toMatchObject({ key: 'E000004', allowed: false, permission: null })
    const searched = await a.core.api['link.visitors']({ id: a.linkId, query: '社員 2', allowed: false })
    // 「社員 2」 and 「社員 20」…「社員 29」 match; 社員 2 (E000002) is in G1, so not among the refused.
    expect(searched.rows.map((r) => r.key)).toEqual(Array.from({ length: 10 }, (_, i) => `E0000${20 + i}`))
    expect(searched.allowedTotal).toBe(1)
  })

  it('pages the visitors table 100 at a time', async () => {
    writeHome(a.dir, testSnapshot(Array.from({ length: 250 }, (_, i) => testEmployee(i + 1))))
    const page = (offset: number) => a.core.api['link.visitors']({ id: a.linkId, offset })
    const first = await page(0)
    expect(first).toMatchObject({ total: 250, allowedTotal: 250, offset: 0, nextOffset: 100 })
    expect(first.rows).toHaveLength(100)
    expect(first.rows[99]!.key).toBe('E000100')
    const last = await page(200)
    expect(last).toMatchObject({ offset: 200, nextOffset: null })
    expect(last.rows.map((r) => r.key)).toEqual(
      Array.from({ length: 50 }, (_, i) => testEmployee(i + 201).key),
    )
  })

  it('a partner that is down gets the rules from the outbox later', async () => {
    a.hooks.before = () => {
      throw new Error('connection refused')
    }
    await a.core.api['link.rules.update']({ id: a.linkId, visit: visitRules })
    await vi.waitFor(async () =>
      expect((await a.core.api['link.activity']({ id: a.linkId })).lastError).not.toBeNull(),
    )
    const waiting = await rules(a)
    expect(waiting.visitSync.synced).toBe(false)
    expect(waiting.visitSync.plannedSendAt).toEqual(expect.any(Number))
    expect((await rules(b)).partnerVisit).toBeNull()

    delete a.hooks.before
    await a.core.api['link.sendNow']({ id: a.linkId })
    expect((await rules(b)).partnerVisit).toEqual(visitRules)
    expect((await rules(a)).visitSync.synced).toBe(true)
  })
})
