import type { AcceptRule } from '../../../../shared/model/sitelink-rules'

/**
 * Moves a rule one place up (-1) or down (1) among the rules of its own level; rules of other levels keep
 * their places (order decides inside a level only). At the edge of its level nothing moves.
 */
export function movedWithinLevel(rules: readonly AcceptRule[], ruleId: string, by: -1 | 1): AcceptRule[] {
  const rule = rules.find((r) => r.id === ruleId)
  if (!rule) return [...rules]
  const level = rules.filter((r) => r.scope === rule.scope)
  const other = level[level.indexOf(rule) + by]
  if (!other) return [...rules]
  return rules.map((r) => (r === rule ? other : r === other ? rule : r))
}
