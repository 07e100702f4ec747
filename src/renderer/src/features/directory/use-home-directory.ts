import { useCallback, useEffect, useRef, useState } from 'react'
import type { DepartmentSummary, EmployeeSummary } from '../../../../shared/model/directory'
import type { Localized } from '../../../../shared/model/localized'
import { api } from '../../lib/api'
import { toLocalized } from '../../lib/errors'

export const employeePageSize = 100

export interface EmployeeQuery {
  /** Main department code; undefined: everyone. */
  readonly department?: string
  readonly text: string
}

export interface HomeDirectoryView {
  readonly departments: readonly DepartmentSummary[] | null
  readonly query: EmployeeQuery
  readonly employees: readonly EmployeeSummary[]
  readonly nextAfter: string | null
  readonly loading: boolean
  readonly error: Localized | null
  setQuery(query: EmployeeQuery): void
  more(): void
}

/**
 * Browsing the home directory: the departments, and the people of one of them in keyset pages
 * ("more" appends the next page). Reloads when a new import lands (`importedAt` changes).
 */
export function useHomeDirectory(importedAt: number | null): HomeDirectoryView {
  const [departments, setDepartments] = useState<readonly DepartmentSummary[] | null>(null)
  const [query, setQuery] = useState<EmployeeQuery>({ text: '' })
  const [employees, setEmployees] = useState<readonly EmployeeSummary[]>([])
  const [nextAfter, setNextAfter] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<Localized | null>(null)
  /** Bumped by every request so a slow answer for an older query never overwrites a newer one. */
  const seq = useRef(0)

  const load = useCallback(
    async (q: EmployeeQuery, after: string | null, keep: readonly EmployeeSummary[]) => {
      const mine = ++seq.current
      setLoading(true)
      try {
        const text = q.text.trim()
        const page = await api['directory.employees']({
          limit: employeePageSize,
          ...(q.department !== undefined ? { department: q.department } : {}),
          ...(text ? { text } : {}),
          ...(after !== null ? { after } : {}),
        })
        if (mine !== seq.current) return
        setEmployees([...keep, ...page.employees])
        setNextAfter(page.nextAfter)
        setError(null)
      } catch (e) {
        if (mine === seq.current) setError(toLocalized(e))
      } finally {
        if (mine === seq.current) setLoading(false)
      }
    },
    [],
  )

  useEffect(() => {
    let current = true
    // Cleared first, so the tree is built (and opened) from the new import's departments, not the last ones.
    setDepartments(null)
    api['directory.departments']({}).then(
      (list) => current && setDepartments(list),
      (e: unknown) => current && setError(toLocalized(e)),
    )
    return () => {
      current = false
    }
  }, [importedAt])

  useEffect(() => {
    void load(query, null, [])
  }, [query, importedAt, load])

  return {
    departments,
    query,
    employees,
    nextAfter,
    loading,
    error,
    setQuery,
    more: () => {
      if (nextAfter !== null && !loading) void load(query, nextAfter, employees)
    },
  }
}
