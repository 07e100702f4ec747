import { describe, expect, it } from 'vitest'
import { rulePopulation, seededRandom } from '../../../../../../test/support/link-rule-population'
import { compileAcceptRules, decideAccept } from './accept-rules'
import { departmentTreeOf } from './department-tree'
import { codesOnly } from './rule-labels'
import { compileVisitRules, decideVisit } from './visit-rules'

// The "who may visit" table uses the compiled rules, `link.explain` the trail: they must never disagree.
describe('compiled rules give the same answers as the rules with a trail', () => {
  it.each([1, 2, 3])('over a random partner directory (seed %i)', (seed) => {
    const population = rulePopulation({ people: 3_000, acceptRules: 200, visitTargets: 50, seed })
    const tree = departmentTreeOf(population.departments)
    const visit = compileVisitRules(population.visit, tree)
    const accept = compileAcceptRules(population.accept, tree)
    const random = seededRandom(seed)
    const decidedBy = new Set<string>()
    let allowed = 0
    for (const subject of population.people) {
      const address =
        random() < 0.5 ? null : population.addresses[Math.floor(random() * population.addresses.length)]!
      const full = decideAccept(population.accept, subject, tree, codesOnly, address)
      expect(accept.decide(subject, address)).toEqual({ permission: full.permission, ruleId: full.ruleId })
      const visitAllowed = decideVisit(population.visit, subject, tree, codesOnly).allowed
      expect(visit.allows(subject)).toBe(visitAllowed)
      decidedBy.add(full.ruleScope + (full.network ? '+network' : ''))
      if (visitAllowed) allowed++
    }
    // The population really exercises every level, network rules, and both visit answers.
    expect([...decidedBy].sort()).toEqual(
      expect.arrayContaining(['department', 'department-position', 'employee', 'global', 'position']),
    )
    expect([...decidedBy].some((scope) => scope.endsWith('+network'))).toBe(true)
    expect(allowed).toBeGreaterThan(0)
    expect(allowed).toBeLessThan(population.people.length)
  })
})
