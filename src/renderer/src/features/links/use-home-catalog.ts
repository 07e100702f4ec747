import { useEffect, useState } from 'react'
import type { DepartmentSummary, DirectoryGroup, DirectoryPosition } from '../../../../shared/model/directory'
import type { Localized } from '../../../../shared/model/localized'
import { api } from '../../lib/api'
import { toLocalized } from '../../lib/errors'

export interface HomeCatalog {
  readonly departments: readonly DepartmentSummary[]
  readonly positions: readonly DirectoryPosition[]
  readonly groups: readonly DirectoryGroup[]
}

/** The home directory's departments, positions and groups, for the visit target pickers and labels. */
export function useHomeCatalog(): { readonly catalog: HomeCatalog | null; readonly error: Localized | null } {
  const [catalog, setCatalog] = useState<HomeCatalog | null>(null)
  const [error, setError] = useState<Localized | null>(null)
  useEffect(() => {
    let live = true
    Promise.all([
      api['directory.departments']({}),
      api['directory.positions']({}),
      api['directory.groups']({}),
    ])
      .then(([departments, positions, groups]) => live && setCatalog({ departments, positions, groups }))
      .catch((caught: unknown) => live && setError(toLocalized(caught)))
    return () => {
      live = false
    }
  }, [])
  return { catalog, error }
}
