import { useCallback, useEffect, useState } from 'react'
import type { Localized } from '../../../../shared/model/localized'
import type { AcceptRuleSet, LinkRules, VisitRuleSet } from '../../../../shared/model/sitelink-rules'
import { api } from '../../lib/api'
import { toLocalized } from '../../lib/errors'
import { useLinksStore } from '../../stores/links-store'

export interface LinkRulesState {
  readonly rules: LinkRules | null
  readonly loading: boolean
  readonly saving: boolean
  readonly error: Localized | null
  /** Saves one side; true when the core took it (a refused set changes nothing and its error stays). */
  save(change: { readonly visit?: VisitRuleSet; readonly accept?: AcceptRuleSet }): Promise<boolean>
  /** Forgets the last refusal (a cancelled dialog takes its error with it). */
  dismiss(): void
}

/**
 * One link's rules, read again whenever `link.changed` arrives (the links store's list is replaced then):
 * the partner's acknowledgement turns 「連携先へ送信待ち」 into 「連携先に反映済み」 without a reload.
 */
export function useLinkRules(id: string): LinkRulesState {
  const [rules, setRules] = useState<LinkRules | null>(null)
  const [loading, setLoading] = useState(true)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<Localized | null>(null)
  const list = useLinksStore((s) => s.list)
  const load = useCallback(async () => {
    setLoading(true)
    try {
      setRules(await api['link.rules.get']({ id }))
      setError(null)
    } catch (caught) {
      setError(toLocalized(caught))
    } finally {
      setLoading(false)
    }
  }, [id])
  useEffect(() => {
    void load()
  }, [load, list])
  const save = async (change: {
    readonly visit?: VisitRuleSet
    readonly accept?: AcceptRuleSet
  }): Promise<boolean> => {
    setSaving(true)
    setError(null)
    try {
      setRules(await api['link.rules.update']({ id, ...change }))
      return true
    } catch (caught) {
      setError(toLocalized(caught))
      return false
    } finally {
      setSaving(false)
    }
  }
  return { rules, loading, saving, error, save, dismiss: () => setError(null) }
}
