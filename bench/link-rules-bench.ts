/**
 * Site link rule engine (issue 13): the "who may visit" table of a partner directory and one person's
 * decision with its trail (`link.explain`). BENCH_RULE_EMPLOYEES partner employees (100,000) in ~500
 * departments (4 levels), 20 positions, main + 0–2 other departments; 200 accept rules of every scope (a
 * fifth with network rules) and 50 visit targets. Pure code: no database, no I/O.
 * One decision: median and p99 of 1,000 random people after 100 untimed warm-up decisions (the cold first call is
 * printed apart). `npx tsx bench/link-rules-bench.ts`
 */
import { performance } from 'node:perf_hooks'
import { compileAcceptRules, decideAccept } from '../src/main/core/engines/sitelink/rules/accept-rules'
import { departmentTreeOf } from '../src/main/core/engines/sitelink/rules/department-tree'
import type { RuleNames } from '../src/main/core/engines/sitelink/rules/rule-labels'
import { compileVisitRules, decideVisit } from '../src/main/core/engines/sitelink/rules/visit-rules'
import { rulePopulation, seededRandom } from '../test/support/link-rule-population'

const employees = Number(process.env.BENCH_RULE_EMPLOYEES ?? 100_000)
const samples = 1_000
const warmUp = 100

const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met')
const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0

/** Names as a directory lookup would give them (a map per kind). */
function namesOf(population: ReturnType<typeof rulePopulation>): RuleNames {
  const departments = new Map(population.departments.map((d) => [d.code, `部署 ${d.code}`]))
  const positions = new Map(population.positions.map((code) => [code, `役職 ${code}`]))
  const people = new Map(population.people.map((p) => [p.key, `社員 ${p.key}`]))
  return {
    department: (code) => departments.get(code) ?? null,
    position: (code) => positions.get(code) ?? null,
    employee: (key) => people.get(key) ?? null,
    group: (code) => `グループ ${code}`,
  }
}

export function runLinkRulesBench(print: (line: string) => void): void {
  const population = rulePopulation({ people: employees, acceptRules: 200, visitTargets: 50 })
  const tree = departmentTreeOf(population.departments)
  const names = namesOf(population)
  print(
    `link rules: ${employees.toLocaleString('en')} partner employees, ${population.departments.length} departments, ` +
      `${population.accept.rules.length} accept rules, ${population.visit.targets.length} visit targets`,
  )

  const tableStart = performance.now()
  const visit = compileVisitRules(population.visit, tree)
  const accept = compileAcceptRules(population.accept, tree)
  let visitors = 0
  for (const subject of population.people) {
    // Both for everyone: the table shows each person's accept rule even when the visit rules refuse them.
    const allowed = visit.allows(subject)
    if (accept.decide(subject, null).permission !== 'none' && allowed) visitors++
  }
  const tableMs = performance.now() - tableStart
  print(
    `  who may visit table (compile + visit + accept)  ${tableMs.toFixed(0).padStart(6)} ms  (${visitors} may visit)`,
  )
  print(`  goal who may visit table of ${employees.toLocaleString('en')} < 1 s: ${verdict(tableMs < 1000)}`)

  const random = seededRandom(7)
  const decideOne = (i: number): number => {
    const subject = population.people[Math.floor(random() * population.people.length)]!
    const address = population.addresses[i % population.addresses.length]!
    const start = performance.now()
    decideVisit(population.visit, subject, tree, names)
    decideAccept(population.accept, subject, tree, names, address)
    return performance.now() - start
  }
  // The app explains people for hours: the first (cold, unoptimised) calls are shown apart from the figures.
  const cold = Array.from({ length: warmUp }, (_, i) => decideOne(i))
  print(
    `  first decision with trail (cold)  ${cold[0]!.toFixed(3)} ms; ${warmUp} warm-up decisions ${cold.reduce((a, b) => a + b, 0).toFixed(1)} ms`,
  )
  const times = Array.from({ length: samples }, (_, i) => decideOne(i)).sort((a, b) => a - b)
  const median = percentile(times, 0.5)
  const p99 = percentile(times, 0.99)
  print(
    `  one decision with trail (visit + accept)  median ${median.toFixed(3)} ms  p99 ${p99.toFixed(3)} ms`,
  )
  print(`  goal one decision with trail p99 < 5 ms: ${verdict(p99 < 5)}`)
}

if (/link-rules-bench\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) {
  try {
    runLinkRulesBench((line) => console.log(line))
  } catch (error: unknown) {
    console.error(error)
    process.exitCode = 1
  }
}
