import type { ReactNode } from 'react'
import { useEffect, useState } from 'react'
import type { VisitRuleSet, VisitTarget } from '../../../../shared/model/sitelink-rules'
import { Busy, ErrorBanner } from '../../components/messages'
import { Section } from '../../components/section'
import { useLanguage, useT } from '../../i18n'
import { api } from '../../lib/api'
import { RuleSync } from './rule-sync'
import { useHomeCatalog, type HomeCatalog } from './use-home-catalog'
import type { LinkRulesState } from './use-link-rules'
import { VisitTargetAdder } from './visit-target-adder'

const targetCode = (target: VisitTarget): string => (target.kind === 'employee' ? target.key : target.code)
const sameTarget = (a: VisitTarget, b: VisitTarget): boolean =>
  a.kind === b.kind && targetCode(a) === targetCode(b)

/** Names of saved employee targets: the rule keeps the key only, so each is looked up once. */
function useEmployeeNames(
  targets: readonly VisitTarget[],
): [Map<string, string>, (k: string, n: string) => void] {
  const language = useLanguage()
  const [names, setNames] = useState(() => new Map<string, string>())
  const remember = (key: string, name: string): void => setNames((m) => new Map(m).set(key, name))
  useEffect(() => {
    const missing = targets.flatMap((t) => (t.kind === 'employee' && !names.has(t.key) ? [t.key] : []))
    for (const key of missing.slice(0, 50)) {
      void api['directory.employees']({ text: key, limit: 20 }).then(
        (page) => {
          const found = page.employees.find((e) => e.key === key)
          if (found) remember(key, language === 'en' && found.nameEn ? found.nameEn : found.nameJa)
        },
        () => undefined, // The key stays on screen; the save reports a real problem.
      )
    }
  }, [targets])
  return [names, remember]
}

function targetName(
  target: VisitTarget,
  catalog: HomeCatalog,
  names: Map<string, string>,
  en: boolean,
): string {
  const pick = (o: { nameJa: string; nameEn: string | null } | undefined): string | undefined =>
    o ? (en && o.nameEn ? o.nameEn : o.nameJa) : undefined
  switch (target.kind) {
    case 'employee':
      return names.get(target.key) ?? target.key
    case 'department':
      return pick(catalog.departments.find((d) => d.code === target.code)) ?? target.code
    case 'group':
      return pick(catalog.groups.find((g) => g.code === target.code)) ?? target.code
    case 'position':
      return pick(catalog.positions.find((p) => p.code === target.code)) ?? target.code
  }
}

/** 訪問設定: which of this site's employees may visit the partner (seed 初期値: 全社員). */
export function VisitRulesSection({
  id,
  state,
}: {
  readonly id: string
  readonly state: LinkRulesState
}): ReactNode {
  const t = useT()
  const language = useLanguage()
  const { catalog, error: catalogError } = useHomeCatalog()
  const saved = state.rules?.visit ?? null
  const [draft, setDraft] = useState<VisitRuleSet | null>(null)
  const shown = draft ?? saved
  const [names, remember] = useEmployeeNames(shown?.targets ?? [])
  if (!state.rules || !shown) {
    return (
      <Section title={t('links.tab.visit')} testId="visit-rules">
        <ErrorBanner message={state.error} />
        {state.loading ? <Busy label={t('links.rules.loading')} /> : null}
      </Section>
    )
  }
  const edit = (next: VisitRuleSet): void => setDraft(next)
  const add = (target: VisitTarget, name: string): void => {
    if (target.kind === 'employee') remember(target.key, name)
    if (shown.targets.some((x) => sameTarget(x, target))) return
    edit({ ...shown, targets: [...shown.targets, target] })
  }
  const save = async (): Promise<void> => {
    if (draft && (await state.save({ visit: draft }))) setDraft(null)
  }
  return (
    <Section title={t('links.tab.visit')} testId="visit-rules">
      <p className="note">{t('links.visit.intro')}</p>
      <p className="note rule-warning">{t('links.visit.acceptNote')}</p>
      <RuleSync id={id} sync={state.rules.visitSync} testId="visit-sync" />
      <ErrorBanner message={catalogError} />
      <label className="rule-everyone">
        <input
          type="checkbox"
          checked={shown.everyone}
          data-testid="visit-everyone"
          onChange={(e) => edit({ ...shown, everyone: e.target.checked })}
        />
        {t('links.visit.everyone')}
      </label>
      {shown.everyone ? (
        <p className="muted">{t('links.visit.everyoneNote')}</p>
      ) : (
        <>
          {shown.targets.length === 0 ? (
            <p className="rule-warning" data-testid="visit-nobody">
              {t('links.visit.nobody')}
            </p>
          ) : (
            <table className="grid rule-table" data-testid="visit-targets">
              <thead>
                <tr>
                  <th scope="col">{t('links.visit.kind')}</th>
                  <th scope="col">{t('links.visit.target')}</th>
                  <th scope="col">{t('links.visit.code')}</th>
                  <th scope="col">{t('links.presence.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.targets.map((target) => {
                  const name = catalog
                    ? targetName(target, catalog, names, language === 'en')
                    : targetCode(target)
                  return (
                    <tr key={`${target.kind}:${targetCode(target)}`}>
                      <td>{t(`links.visit.kind.${target.kind}`)}</td>
                      <td>
                        {name}
                        {target.kind === 'department' ? (
                          <span className="muted"> {t('links.visit.withSub')}</span>
                        ) : null}
                      </td>
                      <td>
                        <code>{targetCode(target)}</code>
                      </td>
                      <td className="actions">
                        <button
                          type="button"
                          className="button button-small"
                          aria-label={t('links.visit.removeFor', { name })}
                          onClick={() =>
                            edit({ ...shown, targets: shown.targets.filter((x) => !sameTarget(x, target)) })
                          }
                        >
                          {t('links.visit.remove')}
                        </button>
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          )}
          {catalog ? (
            <VisitTargetAdder catalog={catalog} onAdd={add} />
          ) : (
            <Busy label={t('links.rules.loading')} />
          )}
        </>
      )}
      <ErrorBanner message={state.error} />
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={!draft || state.saving}
          data-testid="visit-save"
          onClick={() => void save()}
        >
          {t('links.rules.save')}
        </button>
        <button
          type="button"
          className="button"
          disabled={!draft || state.saving}
          onClick={() => setDraft(null)}
        >
          {t('links.rules.discard')}
        </button>
        {state.saving ? <Busy label={t('links.rules.saving')} /> : null}
        {draft && !state.saving ? <span className="muted">{t('links.rules.unsaved')}</span> : null}
      </div>
    </Section>
  )
}
