import type { ReactNode } from 'react'
import { useState } from 'react'
import { acceptScopes, type AcceptRule, type AcceptScope } from '../../../../shared/model/sitelink-rules'
import { Busy, ErrorBanner } from '../../components/messages'
import { Section } from '../../components/section'
import { useT, type Translate } from '../../i18n'
import { AcceptRuleDialog } from './accept-rule-dialog'
import { permissionLabels, productLabels, scopeLabels } from './rule-labels'
import { movedWithinLevel } from './rule-order'
import { RuleSync } from './rule-sync'
import type { LinkRulesState } from './use-link-rules'
import { usePartnerNames } from './use-partner-names'

function ruleTarget(rule: AcceptRule, names: ReadonlyMap<string, string>, t: Translate): string {
  const name = (code: string | undefined): string => (code ? (names.get(code) ?? code) : '—')
  switch (rule.scope) {
    case 'global':
      return t('links.acceptRule.everyone')
    case 'position':
      return name(rule.position)
    case 'department':
      return name(rule.department)
    case 'department-position':
      return `${name(rule.department)} × ${name(rule.position)}`
    case 'employee':
      return name(rule.employee)
  }
}

function ruleDetails(rule: AcceptRule, t: Translate): string {
  const parts: string[] = []
  if (rule.networks.length > 0)
    parts.push(t('links.acceptRule.networkCount', { count: rule.networks.length }))
  parts.push(
    rule.products === null
      ? t('links.acceptRule.productsAll')
      : rule.products.map((p) => t(productLabels[p])).join('・') || t('links.acceptRule.productsNone'),
  )
  if (rule.view)
    parts.push(t(rule.view.mode === 'allow' ? 'links.acceptRule.viewAllow' : 'links.acceptRule.viewDeny'))
  return parts.join(' / ')
}

const newRule = (scope: AcceptScope): AcceptRule => ({
  id: `r-${crypto.randomUUID().slice(0, 8)}`,
  scope,
  permission: 'read',
  networks: [],
  products: null,
  view: null,
})

/** 受入設定: what the partner's visitors may do here, by the seed's priority levels (低 → 高). */
export function AcceptRulesSection({
  id,
  state,
}: {
  readonly id: string
  readonly state: LinkRulesState
}): ReactNode {
  const t = useT()
  const rules = state.rules?.accept.rules ?? []
  const [names, addNames] = usePartnerNames(id, rules)
  const [editing, setEditing] = useState<AcceptRule | null>(null)
  const [addScope, setAddScope] = useState<AcceptScope>('department')
  if (!state.rules) {
    return (
      <Section title={t('links.tab.accept')} testId="accept-rules">
        <ErrorBanner message={state.error} />
        {state.loading ? <Busy label={t('links.rules.loading')} /> : null}
      </Section>
    )
  }
  const saveAll = (next: AcceptRule[]): Promise<boolean> => state.save({ accept: { rules: next } })
  const saveRule = async (rule: AcceptRule, more: ReadonlyMap<string, string>): Promise<void> => {
    addNames(more)
    const exists = rules.some((r) => r.id === rule.id)
    const next = exists ? rules.map((r) => (r.id === rule.id ? rule : r)) : [...rules, rule]
    if (await saveAll(next)) setEditing(null)
  }
  return (
    <Section title={t('links.tab.accept')} testId="accept-rules">
      <p className="note">{t('links.acceptRule.intro')}</p>
      <RuleSync id={id} sync={state.rules.acceptSync} testId="accept-sync" />
      <p className="rule-legend" data-testid="accept-legend">
        <span className="muted">{t('links.acceptRule.priority')}</span>{' '}
        {acceptScopes.map((s, i) => (
          <span key={s}>
            {i > 0 ? ' < ' : ''}
            {t(scopeLabels[s])}
          </span>
        ))}
      </p>
      {editing ? null : <ErrorBanner message={state.error} />}
      {state.saving && !editing ? <Busy label={t('links.rules.saving')} /> : null}
      {acceptScopes.map((scope) => {
        const level = rules.filter((r) => r.scope === scope)
        if (level.length === 0) return null
        return (
          <div key={scope} className="rule-level" data-testid={`accept-level-${scope}`}>
            <h3>{t(scopeLabels[scope])}</h3>
            <table className="grid rule-table">
              <thead>
                <tr>
                  <th scope="col">{t('links.acceptRule.target')}</th>
                  <th scope="col">{t('links.acceptRule.permission')}</th>
                  <th scope="col">{t('links.acceptRule.details')}</th>
                  <th scope="col">{t('links.presence.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {level.map((rule, index) => {
                  const target = ruleTarget(rule, names, t)
                  return (
                    <tr key={rule.id} data-testid="accept-rule" data-rule={rule.id}>
                      <td>
                        {target}
                        {rule.note ? <div className="muted">{rule.note}</div> : null}
                      </td>
                      <td className={rule.permission === 'none' ? 'rule-denied' : undefined}>
                        {t(permissionLabels[rule.permission])}
                      </td>
                      <td>{ruleDetails(rule, t)}</td>
                      <td className="actions">
                        {level.length > 1 ? (
                          <>
                            <button
                              type="button"
                              className="button button-small"
                              disabled={index === 0 || state.saving}
                              aria-label={t('links.acceptRule.upFor', { name: target })}
                              onClick={() => void saveAll(movedWithinLevel(rules, rule.id, -1))}
                            >
                              ↑
                            </button>
                            <button
                              type="button"
                              className="button button-small"
                              disabled={index === level.length - 1 || state.saving}
                              aria-label={t('links.acceptRule.downFor', { name: target })}
                              onClick={() => void saveAll(movedWithinLevel(rules, rule.id, 1))}
                            >
                              ↓
                            </button>
                          </>
                        ) : null}
                        <button
                          type="button"
                          className="button button-small"
                          data-testid="accept-rule-edit"
                          aria-label={t('links.acceptRule.editFor', { name: target })}
                          onClick={() => {
                            state.dismiss()
                            setEditing(rule)
                          }}
                        >
                          {t('links.acceptRule.edit')}
                        </button>
                        {scope === 'global' ? null : (
                          <button
                            type="button"
                            className="button button-small button-danger"
                            disabled={state.saving}
                            aria-label={t('links.acceptRule.removeFor', { name: target })}
                            onClick={() => void saveAll(rules.filter((r) => r.id !== rule.id))}
                          >
                            {t('links.visit.remove')}
                          </button>
                        )}
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
        )
      })}
      <p className="note">{t('links.acceptRule.globalNote')}</p>
      <div className="form-actions">
        <select
          aria-label={t('links.acceptRule.scope')}
          value={addScope}
          data-testid="accept-add-scope"
          onChange={(e) => setAddScope(e.target.value as AcceptScope)}
        >
          {acceptScopes
            .filter((s) => s !== 'global')
            .map((s) => (
              <option key={s} value={s}>
                {t(scopeLabels[s])}
              </option>
            ))}
        </select>
        <button
          type="button"
          className="button button-primary"
          data-testid="accept-add"
          onClick={() => {
            state.dismiss()
            setEditing(newRule(addScope))
          }}
        >
          {t('links.acceptRule.add')}
        </button>
      </div>
      {editing ? (
        <AcceptRuleDialog
          key={editing.id}
          id={id}
          rule={editing}
          saving={state.saving}
          error={state.error}
          names={names}
          onSave={(rule, more) => void saveRule(rule, more)}
          onClose={() => {
            state.dismiss()
            setEditing(null)
          }}
        />
      ) : null}
    </Section>
  )
}
