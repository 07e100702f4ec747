import type { ReactNode } from 'react'
import { useState } from 'react'
import type { DepartmentSummary, DirectoryGroup } from '../../../../shared/model/directory'
import type { Localized } from '../../../../shared/model/localized'
import type { NoticeKind, NoticeOptInScope } from '../../../../shared/model/notices'
import { Busy, ErrorBanner, Notice } from '../../components/messages'
import { localized, useLanguage, useT } from '../../i18n'
import { api } from '../../lib/api'
import { toLocalized } from '../../lib/errors'
import { kindLabel, kindsByProduct, productLabel } from './notice-labels'

type BulkScope = Exclude<NoticeOptInScope, 'employee'>
type BulkValue = 'on' | 'off' | 'inherit'
const enabledOf: Readonly<Record<BulkValue, boolean | null>> = { on: true, off: false, inherit: null }

/** Kinds to set, by product: a product's box ticks all of its kinds. */
function KindChecks(props: {
  readonly chosen: ReadonlySet<NoticeKind>
  readonly onChange: (kinds: ReadonlySet<NoticeKind>) => void
}): ReactNode {
  const t = useT()
  const toggle = (kinds: readonly NoticeKind[], on: boolean): void => {
    const next = new Set(props.chosen)
    for (const kind of kinds) {
      if (on) next.add(kind)
      else next.delete(kind)
    }
    props.onChange(next)
  }
  return (
    <div className="notice-kind-checks">
      {kindsByProduct.map(([product, kinds]) => (
        <fieldset key={product} className="rule-fieldset">
          <legend>
            <label>
              <input
                type="checkbox"
                checked={kinds.every((k) => props.chosen.has(k))}
                data-testid={`bulk-product-${product}`}
                onChange={(e) => toggle(kinds, e.target.checked)}
              />
              {t(productLabel(product))}
            </label>
          </legend>
          {kinds.map((kind) => (
            <label key={kind}>
              <input
                type="checkbox"
                checked={props.chosen.has(kind)}
                data-testid={`bulk-kind-${kind}`}
                onChange={(e) => toggle([kind], e.target.checked)}
              />
              {t(kindLabel(kind))}
            </label>
          ))}
        </fieldset>
      ))}
    </div>
  )
}

/** Sets the rule for a department, a group or everyone at once (or removes it, so the wider rule applies). */
export function OptInBulk(props: {
  readonly departments: readonly DepartmentSummary[]
  readonly groups: readonly DirectoryGroup[]
  readonly onDone: () => void
}): ReactNode {
  const t = useT()
  const en = useLanguage() === 'en'
  const [scope, setScope] = useState<BulkScope>('department')
  const [code, setCode] = useState('')
  const [kinds, setKinds] = useState<ReadonlySet<NoticeKind>>(new Set(['message.created', 'message.changed']))
  const [value, setValue] = useState<BulkValue>('on')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<Localized | null>(null)
  const [notice, setNotice] = useState<Localized | null>(null)
  const codes = scope === 'department' ? props.departments : scope === 'group' ? props.groups : []
  const apply = (): void => {
    setBusy(true)
    setError(null)
    setNotice(null)
    api['notice.optins.set']({
      scope,
      code: scope === 'everyone' ? '' : code,
      kinds: [...kinds],
      enabled: enabledOf[value],
    })
      .then(() => {
        setNotice(localized('notices.optins.bulkDone', { count: kinds.size }))
        props.onDone()
      })
      .catch((caught: unknown) => setError(toLocalized(caught)))
      .finally(() => setBusy(false))
  }
  return (
    <div className="notice-bulk" data-testid="optin-bulk">
      <div className="form-actions">
        <label>
          {t('notices.optins.bulkScope')}{' '}
          <select
            value={scope}
            data-testid="bulk-scope"
            onChange={(e) => {
              setScope(e.target.value as BulkScope)
              setCode('')
            }}
          >
            <option value="department">{t('notices.optins.scope.department')}</option>
            <option value="group">{t('notices.optins.scope.group')}</option>
            <option value="everyone">{t('notices.optins.scope.everyone')}</option>
          </select>
        </label>
        {scope !== 'everyone' ? (
          <label>
            <span className="sr-only">{t(`notices.optins.scope.${scope}`)}</span>
            <select value={code} data-testid="bulk-code" onChange={(e) => setCode(e.target.value)}>
              <option value="">{t('notices.optins.choose')}</option>
              {codes.map((c) => (
                <option key={c.code} value={c.code}>
                  {en && c.nameEn ? c.nameEn : c.nameJa} ({c.code})
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <div className="radio-group" role="radiogroup" aria-label={t('notices.optins.bulkValue')}>
          {(['on', 'off', 'inherit'] as const).map((v) => (
            <label key={v}>
              <input
                type="radio"
                name="bulk-value"
                checked={value === v}
                data-testid={`bulk-value-${v}`}
                onChange={() => setValue(v)}
              />
              {t(`notices.optins.value.${v}`)}
            </label>
          ))}
        </div>
      </div>
      <KindChecks chosen={kinds} onChange={setKinds} />
      <ErrorBanner message={error} />
      <Notice message={notice} onDismiss={() => setNotice(null)} />
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={busy || kinds.size === 0 || (scope !== 'everyone' && !code)}
          data-testid="bulk-apply"
          onClick={apply}
        >
          {t('notices.optins.bulkApply')}
        </button>
        {busy ? <Busy label={t('notices.saving')} /> : null}
      </div>
    </div>
  )
}
