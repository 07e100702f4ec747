/**
 * A seeded, realistic partner directory and rule sets for the site link rule engine: used by the parity
 * test (fast path = trail path) and bench/link-rules-bench.ts. Same seed, same population.
 */
import type {
  AcceptRule,
  AcceptRuleSet,
  LinkPermission,
  NetworkRule,
  RuleSubject,
  VisitRuleSet,
  VisitTarget,
} from '../../src/shared/model/sitelink-rules'

/** mulberry32: small, fast and reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface RulePopulation {
  readonly departments: readonly { code: string; parent: string | null }[]
  readonly positions: readonly string[]
  readonly groups: readonly string[]
  readonly people: readonly RuleSubject[]
  readonly accept: AcceptRuleSet
  readonly visit: VisitRuleSet
  /** Visit addresses: inside and outside the rules' ranges, IPv4, IPv6 and IPv4-mapped. */
  readonly addresses: readonly string[]
}

const permissions: readonly LinkPermission[] = ['none', 'read', 'write', 'admin']

/** 4 levels: 4 divisions × 5 departments × 5 sections × 4 teams = 524 departments. */
function departmentTree(): { code: string; parent: string | null }[] {
  const departments: { code: string; parent: string | null }[] = []
  const add = (code: string, parent: string | null, fanOut: readonly number[]): void => {
    departments.push({ code, parent })
    const [children = 0, ...rest] = fanOut
    for (let i = 1; i <= children; i++) add(`${code}-${i}`, code, rest)
  }
  for (let i = 1; i <= 4; i++) add(`d${i}`, null, [5, 5, 4])
  return departments
}

export function rulePopulation(options: {
  people: number
  acceptRules: number
  visitTargets: number
  seed?: number
}): RulePopulation {
  const random = seededRandom(options.seed ?? 13)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const departments = departmentTree()
  const codes = departments.map((department) => department.code)
  const positions = Array.from({ length: 20 }, (_, i) => `p${String(i + 1).padStart(2, '0')}`)
  const groups = Array.from({ length: 30 }, (_, i) => `g${String(i + 1).padStart(2, '0')}`)
  const keyOf = (i: number): string => `e${String(i).padStart(6, '0')}`
  const some = <T>(items: readonly T[], max: number): T[] => [
    ...new Set(Array.from({ length: Math.floor(random() * (max + 1)) }, () => pick(items))),
  ]
  const people: RuleSubject[] = Array.from({ length: options.people }, (_, i) => ({
    key: keyOf(i + 1),
    mainDepartment: random() < 0.01 ? null : pick(codes),
    otherDepartments: some(codes, 2),
    positions: random() < 0.7 ? [pick(positions)] : some(positions, 2),
    groups: some(groups, 2),
  }))
  const networks = (): NetworkRule[] =>
    random() < 0.2
      ? [
          { ranges: ['10.0.0.0/8', '2001:db8:10::/48'], permission: pick(permissions) },
          { ranges: ['192.0.2.0/24'], permission: pick(permissions) },
        ]
      : []
  const rules: AcceptRule[] = []
  for (let i = 1; i < options.acceptRules; i++) {
    const roll = random()
    const base = {
      id: `r${i}`,
      permission: pick(permissions),
      networks: networks(),
      products: null,
      view: null,
    }
    if (roll < 0.1) rules.push({ ...base, scope: 'position', position: pick(positions) })
    else if (roll < 0.5) rules.push({ ...base, scope: 'department', department: pick(codes) })
    else if (roll < 0.8)
      rules.push({
        ...base,
        scope: 'department-position',
        department: pick(codes),
        position: pick(positions),
      })
    else
      rules.push({ ...base, scope: 'employee', employee: keyOf(1 + Math.floor(random() * options.people)) })
  }
  rules.splice(Math.floor(random() * rules.length), 0, {
    id: 'global',
    scope: 'global',
    permission: 'read',
    networks: networks(),
    products: null,
    view: null,
  })
  const targets: VisitTarget[] = Array.from({ length: options.visitTargets }, (): VisitTarget => {
    const roll = random()
    if (roll < 0.3) return { kind: 'employee', key: keyOf(1 + Math.floor(random() * options.people)) }
    if (roll < 0.7) return { kind: 'department', code: pick(codes) }
    if (roll < 0.85) return { kind: 'group', code: pick(groups) }
    return { kind: 'position', code: pick(positions) }
  })
  return {
    departments,
    positions,
    groups,
    people,
    accept: { rules },
    visit: { everyone: false, targets },
    addresses: [
      '10.20.30.40',
      '::ffff:10.1.2.3',
      '2001:db8:10::7',
      '192.0.2.55',
      '198.51.100.1',
      '2001:db8:99::1',
    ],
  }
}
