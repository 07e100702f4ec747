import { useEffect, useState, type DependencyList } from 'react'
import type { Localized } from '../../../shared/model/localized'
import { toLocalized } from './errors'

export interface ApiLoad<T> {
  readonly value: T | null
  readonly busy: boolean
  readonly error: Localized | null
}

/**
 * Loads with `load` whenever `deps` change (null from `load`: nothing to load now), keeping the last value
 * while the next one comes; an answer that arrives after the deps moved on is dropped.
 */
export function useApiLoad<T>(load: () => Promise<T> | null, deps: DependencyList): ApiLoad<T> {
  const [value, setValue] = useState<T | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<Localized | null>(null)
  useEffect(() => {
    const loading = load()
    if (loading === null) return undefined
    let live = true
    setBusy(true)
    loading
      .then((loaded) => {
        if (!live) return
        setValue(loaded)
        setError(null)
      })
      .catch((caught: unknown) => live && setError(toLocalized(caught)))
      .finally(() => live && setBusy(false))
    return () => {
      live = false
    }
    // The caller names what the load depends on, as with useEffect itself.
  }, deps)
  return { value, busy, error }
}
