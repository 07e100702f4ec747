import type { ReactNode } from 'react'
import { useState } from 'react'
import type { Localized } from '../../../../shared/model/localized'
import {
  acceptScopes,
  linkPermissions,
  type AcceptRule,
  type AcceptScope,
  type LinkPermission,
} from '../../../../shared/model/sitelink-rules'
import { Busy, ErrorBanner } from '../../components/messages'
import { ModalDialog } from '../../components/modal-dialog'
import { useLanguage, useT } from '../../i18n'
import { AcceptRuleExtras } from './accept-rule-extras'
import { localName, PartnerDepartmentPicker, PartnerPersonPicker, usePartnerPage } from './partner-pickers'
import { permissionLabels, scopeLabels } from './rule-labels'

const needsDepartment = (scope: AcceptScope): boolean =>
  scope === 'department' || scope === 'department-position'
const needsPosition = (scope: AcceptScope): boolean => scope === 'position' || scope === 'department-position'

/** Only what the scope uses, so a scope change leaves no stale department or person in the rule. */
function cleaned(rule: AcceptRule): AcceptRule {
  const { department, position, employee, ...rest } = rule
  return {
    ...rest,
    ...(needsDepartment(rule.scope) && department ? { department } : {}),
    ...(needsPosition(rule.scope) && position ? { position } : {}),
    ...(rule.scope === 'employee' && employee ? { employee } : {}),
  }
}

export interface AcceptRuleDialogProps {
  readonly id: string
  /** The rule edited, or a new one (not in the list yet). */
  readonly rule: AcceptRule
  readonly saving: boolean
  readonly error: Localized | null
  readonly names: ReadonlyMap<string, string>
  readonly onSave: (rule: AcceptRule, names: ReadonlyMap<string, string>) => void
  readonly onClose: () => void
}

/** One accept rule: who (scope and the partner's department, position or person), 権限, 詳細設定, products, view. */
export function AcceptRuleDialog(props: AcceptRuleDialogProps): ReactNode {
  const { id, saving, error, onSave, onClose } = props
  const t = useT()
  const en = useLanguage() === 'en'
  const [rule, setRule] = useState<AcceptRule>(props.rule)
  const [names, setNames] = useState(() => new Map(props.names))
  const { page: top } = usePartnerPage(id, {})
  const isGlobal = props.rule.scope === 'global'
  const update = (patch: Partial<AcceptRule>): void => setRule((r) => ({ ...r, ...patch }))
  const name = (key: string | undefined, fallback: string): string =>
    key ? (names.get(key) ?? key) : fallback
  const missing =
    (needsDepartment(rule.scope) && !rule.department) ||
    (needsPosition(rule.scope) && !rule.position) ||
    (rule.scope === 'employee' && !rule.employee)
  return (
    <ModalDialog
      title={t(isGlobal ? 'links.acceptRule.editGlobal' : 'links.acceptRule.editRule')}
      testId="accept-rule-dialog"
      onClose={onClose}
    >
      {(close) => (
        <>
          <div className="rule-form">
            <label>
              <span>{t('links.acceptRule.scope')}</span>
              <select
                value={rule.scope}
                disabled={isGlobal}
                data-testid="rule-scope"
                onChange={(e) => update({ scope: e.target.value as AcceptScope })}
              >
                {acceptScopes
                  .filter((s) => isGlobal || s !== 'global')
                  .map((s) => (
                    <option key={s} value={s}>
                      {t(scopeLabels[s])}
                    </option>
                  ))}
              </select>
            </label>
            {needsDepartment(rule.scope) ? (
              <div className="rule-field">
                <span>{t('links.acceptRule.department')}</span>
                <strong data-testid="rule-department">
                  {name(rule.department, t('links.visit.choose'))}
                </strong>
                <PartnerDepartmentPicker
                  id={id}
                  value={rule.department}
                  onChange={(d) => {
                    setNames((m) => new Map(m).set(d.code, localName(d, en)))
                    update({ department: d.code })
                  }}
                />
                <p className="note">{t('links.acceptRule.departmentNote')}</p>
              </div>
            ) : null}
            {needsPosition(rule.scope) ? (
              <label>
                <span>{t('links.acceptRule.position')}</span>
                <select
                  value={rule.position ?? ''}
                  data-testid="rule-position"
                  onChange={(e) => update({ position: e.target.value || undefined })}
                >
                  <option value="">{t('links.visit.choose')}</option>
                  {top?.positions.map((p) => (
                    <option key={p.code} value={p.code}>
                      {localName(p, en)}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            {rule.scope === 'employee' ? (
              <div className="rule-field">
                <span>{t('links.acceptRule.employee')}</span>
                <strong data-testid="rule-employee">{name(rule.employee, t('links.visit.choose'))}</strong>
                <PartnerPersonPicker
                  id={id}
                  onPick={(p) => {
                    setNames((m) => new Map(m).set(p.key, localName(p, en)))
                    update({ employee: p.key })
                  }}
                />
              </div>
            ) : null}
            <label>
              <span>{t('links.acceptRule.permission')}</span>
              <select
                value={rule.permission}
                data-testid="rule-permission"
                onChange={(e) => update({ permission: e.target.value as LinkPermission })}
              >
                {linkPermissions.map((p) => (
                  <option key={p} value={p}>
                    {t(permissionLabels[p])}
                  </option>
                ))}
              </select>
            </label>
            <AcceptRuleExtras rule={rule} onChange={update} />
            <label>
              <span>{t('links.acceptRule.note')}</span>
              <input
                type="text"
                maxLength={500}
                value={rule.note ?? ''}
                onChange={(e) => update({ note: e.target.value || undefined })}
              />
            </label>
          </div>
          <ErrorBanner message={error} />
          <div className="form-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={saving || missing}
              data-testid="rule-save"
              onClick={() => onSave(cleaned(rule), names)}
            >
              {t('links.rules.save')}
            </button>
            <button type="button" className="button" disabled={saving} onClick={close}>
              {t('links.cancel')}
            </button>
            {saving ? <Busy label={t('links.rules.saving')} /> : null}
            {missing ? <span className="muted">{t('links.acceptRule.missing')}</span> : null}
          </div>
        </>
      )}
    </ModalDialog>
  )
}
