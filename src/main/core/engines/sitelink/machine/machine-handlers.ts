/** The `link.machine.*` API methods (test copies). */
import type { ApiHandlers } from '../../../../../shared/api'
import type { MachineWatch } from './machine-watch'

export function createMachineHandlers(
  watch: MachineWatch,
): Pick<ApiHandlers, 'link.machine.get' | 'link.machine.confirm'> {
  return {
    'link.machine.get': async () => watch.state(),
    'link.machine.confirm': async ({ action }) => watch.confirm(action),
  }
}
