import { useEffect, useState } from 'react'
import type { AcceptRule } from '../../../../shared/model/sitelink-rules'
import { useLanguage } from '../../i18n'
import { api } from '../../lib/api'
import { localName } from './partner-pickers'

/**
 * Names of the partner departments, positions and people the accept rules name (rules keep codes): looked
 * up once each in the partner directory as received. A code not found there shows as the code.
 */
export function usePartnerNames(
  id: string,
  rules: readonly AcceptRule[],
): [ReadonlyMap<string, string>, (more: ReadonlyMap<string, string>) => void] {
  const en = useLanguage() === 'en'
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map())
  const add = (more: ReadonlyMap<string, string>): void => setNames((m) => new Map([...m, ...more]))
  // The codes, not the array: the rules are read again on every `link.changed`, the codes rarely change.
  const wanted = JSON.stringify([
    [...new Set(rules.flatMap((r) => (r.department ? [r.department] : [])))].sort(),
    [...new Set(rules.flatMap((r) => (r.employee ? [r.employee] : [])))].sort(),
  ])
  useEffect(() => {
    let live = true
    const found = new Map<string, string>()
    const [departments, people] = JSON.parse(wanted) as [string[], string[]]
    const lookups: Promise<void>[] = [
      api['link.partnerDirectory']({ id }).then((page) => {
        for (const p of page.positions) found.set(p.code, localName(p, en))
      }),
      ...departments.slice(0, 100).map((department) =>
        api['link.partnerDirectory']({ id, department }).then((page) => {
          const self = page.path[page.path.length - 1]
          if (self?.code === department) found.set(department, localName(self, en))
        }),
      ),
      ...people.slice(0, 100).map((key) =>
        api['link.partnerDirectory']({ id, query: key }).then((page) => {
          const person = page.employees.find((e) => e.key === key)
          if (person) found.set(key, localName(person, en))
        }),
      ),
    ]
    // A code the partner no longer has stays a code; the lookups never block the list.
    void Promise.allSettled(lookups).then(() => live && add(found))
    return () => {
      live = false
    }
  }, [id, wanted, en])
  return [names, add]
}
