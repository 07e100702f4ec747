/** The `link.rules.*`, `link.explain` and `link.visitors` part of the API contract. */
import type { ApiHandlers } from '../../../../../shared/api'
import { explain } from './rule-explain'
import type { RuleService } from './rule-service'
import { visitors } from './visitor-table'

type RuleMethods = Pick<
  ApiHandlers,
  'link.rules.get' | 'link.rules.update' | 'link.explain' | 'link.visitors'
>

export function createRuleHandlers(rules: RuleService): RuleMethods {
  return {
    'link.rules.get': async ({ id }) => rules.get(id),
    'link.rules.update': async (input) => rules.update(input),
    'link.explain': async (input) => explain(rules, input),
    'link.visitors': async (input) => visitors(rules, input),
  }
}
