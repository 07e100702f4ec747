import type { ApiClient, MethodInput } from '../../src/shared/api'
import type { DirectoryRunSummary } from '../../src/shared/model/directory'

/**
 * A directory run as an admin confirms one: the preview first, then the run of that very plan (its
 * fingerprint). Tests of what a run writes use this; tests of the confirmation call the API directly.
 * When the preview itself fails (a broken source, a target that cannot be listed), the run gets a
 * fingerprint no plan has: it fails the same way while planning — as the scheduled run would — before
 * the fingerprint is compared, which is what the failure tests pin.
 */
export async function confirmedDirectoryRun(
  api: ApiClient,
  approvals: Omit<MethodInput<'directory.run'>, 'plan'> = {},
): Promise<DirectoryRunSummary> {
  const plan = await api['directory.preview']({ limit: 0 }).then(
    (p) => p.fingerprint,
    () => 'the preview failed',
  )
  return api['directory.run']({ ...approvals, plan })
}
