import type { ReactNode } from 'react'
import {
  linkPermissions,
  linkProducts,
  type AcceptRule,
  type LinkPermission,
  type NetworkRule,
} from '../../../../shared/model/sitelink-rules'
import { useT } from '../../i18n'
import { permissionLabels, productLabels } from './rule-labels'

const splitList = (text: string): string[] =>
  text
    .split(/[\s,、]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '')

/** 詳細設定 (address ranges, first match wins), 利用許可する製品 and 閲覧権限 of one accept rule. */
export function AcceptRuleExtras({
  rule,
  onChange,
}: {
  readonly rule: AcceptRule
  readonly onChange: (patch: Partial<AcceptRule>) => void
}): ReactNode {
  const t = useT()
  const setNetwork = (index: number, patch: Partial<NetworkRule>): void =>
    onChange({ networks: rule.networks.map((n, i) => (i === index ? { ...n, ...patch } : n)) })
  const products = rule.products
  const view = rule.view
  return (
    <>
      <fieldset className="rule-fieldset" data-testid="rule-networks">
        <legend>{t('links.acceptRule.networks')}</legend>
        <p className="note">{t('links.acceptRule.networksNote')}</p>
        {rule.networks.map((n, index) => (
          <div key={index} className="rule-network">
            <input
              type="text"
              aria-label={t('links.acceptRule.ranges')}
              placeholder="203.0.113.0/24, 2001:db8::/32"
              defaultValue={n.ranges.join(', ')}
              onBlur={(e) => setNetwork(index, { ranges: splitList(e.target.value) })}
            />
            <select
              aria-label={t('links.acceptRule.permission')}
              value={n.permission}
              onChange={(e) => setNetwork(index, { permission: e.target.value as LinkPermission })}
            >
              {linkPermissions.map((p) => (
                <option key={p} value={p}>
                  {t(permissionLabels[p])}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button button-small"
              onClick={() => onChange({ networks: rule.networks.filter((_, i) => i !== index) })}
            >
              {t('links.visit.remove')}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button-small"
          onClick={() => onChange({ networks: [...rule.networks, { ranges: [], permission: 'read' }] })}
        >
          {t('links.acceptRule.addNetwork')}
        </button>
      </fieldset>
      <fieldset className="rule-fieldset" data-testid="rule-products">
        <legend>{t('links.acceptRule.products')}</legend>
        <label>
          <input type="radio" checked={products === null} onChange={() => onChange({ products: null })} />
          {t('links.acceptRule.productsAll')}
        </label>
        <label>
          <input type="radio" checked={products !== null} onChange={() => onChange({ products: [] })} />
          {t('links.acceptRule.productsOnly')}
        </label>
        {products !== null ? (
          <div className="rule-checks">
            {linkProducts.map((p) => (
              <label key={p}>
                <input
                  type="checkbox"
                  checked={products.includes(p)}
                  onChange={(e) =>
                    onChange({
                      products: e.target.checked
                        ? linkProducts.filter((x) => x === p || products.includes(x))
                        : products.filter((x) => x !== p),
                    })
                  }
                />
                {t(productLabels[p])}
              </label>
            ))}
          </div>
        ) : null}
      </fieldset>
      <fieldset className="rule-fieldset" data-testid="rule-view">
        <legend>{t('links.acceptRule.view')}</legend>
        <label>
          <input type="radio" checked={view === null} onChange={() => onChange({ view: null })} />
          {t('links.acceptRule.viewNone')}
        </label>
        {(['allow', 'deny'] as const).map((mode) => (
          <label key={mode}>
            <input
              type="radio"
              checked={view?.mode === mode}
              onChange={() =>
                onChange({
                  view: { mode, departments: view?.departments ?? [], employees: view?.employees ?? [] },
                })
              }
            />
            {t(mode === 'allow' ? 'links.acceptRule.viewAllow' : 'links.acceptRule.viewDeny')}
          </label>
        ))}
        {view ? (
          <>
            <label className="rule-wide">
              <span>{t('links.acceptRule.viewDepartments')}</span>
              <input
                type="text"
                defaultValue={view.departments.join(', ')}
                onBlur={(e) => onChange({ view: { ...view, departments: splitList(e.target.value) } })}
              />
            </label>
            <label className="rule-wide">
              <span>{t('links.acceptRule.viewEmployees')}</span>
              <input
                type="text"
                defaultValue={view.employees.join(', ')}
                onBlur={(e) => onChange({ view: { ...view, employees: splitList(e.target.value) } })}
              />
            </label>
            <p className="note">{t('links.acceptRule.viewNote')}</p>
          </>
        ) : null}
      </fieldset>
    </>
  )
}
