import { useEffect, useState } from 'react'
import type { HistoryFacets } from '../../../../shared/api'
import { api } from '../../lib/api'

const none: HistoryFacets = { sites: [], categories: [], truncated: false }

/**
 * The sites and categories the history holds, for the filter's pick lists; fetched when the form opens
 * (cheap on millions of entries). Without an answer the lists stay empty: typing still works.
 */
export function useHistoryFacets(): HistoryFacets {
  const [facets, setFacets] = useState<HistoryFacets>(none)
  useEffect(() => {
    let current = true
    api['history.facets']({})
      .then((answer) => {
        if (current) setFacets(answer)
      })
      .catch(() => {
        // The pick lists are a convenience; the search itself reports errors.
      })
    return () => {
      current = false
    }
  }, [])
  return facets
}
