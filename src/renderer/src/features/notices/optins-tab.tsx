import type { ReactNode } from 'react'
import { useEffect, useState } from 'react'
import type { Localized } from '../../../../shared/model/localized'
import type {
  NoticeKind,
  NoticeOptInRow,
  NoticeOptInRule,
  NoticeProduct,
} from '../../../../shared/model/notices'
import { Busy, EmptyState, ErrorBanner } from '../../components/messages'
import { Section } from '../../components/section'
import { useLanguage, useT } from '../../i18n'
import { api } from '../../lib/api'
import { toLocalized } from '../../lib/errors'
import { useApiLoad } from '../../lib/use-api-load'
import { kindLabel, kindsByProduct, productLabel } from './notice-labels'
import { OptInBulk } from './optin-bulk'

const pageSize = 50

/** One cell: the effective value as a checkbox; 「個人」 when it is the person's own rule (× returns to the inherited one). */
function OptInCell(props: {
  readonly row: NoticeOptInRow
  readonly kind: NoticeKind
  readonly busy: boolean
  /** The value just clicked, shown until the saved matrix comes back. */
  readonly saving?: boolean
  readonly onSet: (enabled: boolean | null) => void
}): ReactNode {
  const t = useT()
  const { row, kind } = props
  const on = props.saving ?? row.on.includes(kind)
  const own = row.own.includes(kind)
  const label = `${row.name}: ${t(kindLabel(kind))}`
  return (
    <td className={own ? 'optin-cell optin-own' : 'optin-cell'} data-kind={kind} data-on={on} data-own={own}>
      <input
        type="checkbox"
        checked={on}
        disabled={props.busy}
        aria-label={label}
        data-testid="optin-check"
        onChange={() => props.onSet(!on)}
      />
      {own ? (
        <>
          <span className="optin-mark">{t('notices.optins.own')}</span>
          <button
            type="button"
            className="button-link optin-inherit"
            disabled={props.busy}
            aria-label={t('notices.optins.inheritLabel', { what: label })}
            title={t('notices.optins.inherit')}
            onClick={() => props.onSet(null)}
          >
            ×
          </button>
        </>
      ) : null}
    </td>
  )
}

function RulesList({ rules }: { readonly rules: readonly NoticeOptInRule[] }): ReactNode {
  const t = useT()
  if (rules.length === 0) return <p className="muted">{t('notices.optins.noRules')}</p>
  return (
    <table className="grid notice-grid" data-testid="optin-rules">
      <thead>
        <tr>
          <th scope="col">{t('notices.optins.bulkScope')}</th>
          <th scope="col">{t('notices.optins.code')}</th>
          <th scope="col">{t('notices.optins.kind')}</th>
          <th scope="col">{t('notices.optins.value')}</th>
        </tr>
      </thead>
      <tbody>
        {rules.map((r) => (
          <tr key={`${r.scope}/${r.code}/${r.kind}`}>
            <td>{t(`notices.optins.scope.${r.scope}`)}</td>
            <td>{r.code ? <code>{r.code}</code> : '—'}</td>
            <td>{t(kindLabel(r.kind))}</td>
            <td>{t(r.enabled ? 'notices.optins.value.on' : 'notices.optins.value.off')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/**
 * 通知設定 (seed ⑥ 「自分宛の伝言が登録された際に通知する」): employees × the kinds of one product; default off.
 * Search, department filter and paging; bulk rules for a department, a group or everyone.
 */
export function OptInsTab(): ReactNode {
  const t = useT()
  const en = useLanguage() === 'en'
  const [query, setQuery] = useState('')
  const [search, setSearch] = useState('')
  const [department, setDepartment] = useState('')
  const [product, setProduct] = useState<NoticeProduct>('message')
  const [cursors, setCursors] = useState<readonly string[]>([])
  const [reload, setReload] = useState(0)
  const [busy, setBusy] = useState(false)
  const [saving, setSaving] = useState<{ key: string; kind: NoticeKind; on: boolean } | null>(null)
  const [error, setError] = useState<Localized | null>(null)
  const after = cursors.at(-1)
  const page = useApiLoad(
    () =>
      api['notice.optins.get']({
        query: search || undefined,
        department: department || undefined,
        after,
        limit: pageSize,
      }),
    [search, department, after, reload],
  )
  // The matrix read again after a save replaces the value shown while saving.
  useEffect(() => setSaving(null), [page.value])
  const departments = useApiLoad(() => api['directory.departments']({}), [])
  const groups = useApiLoad(() => api['directory.groups']({}), [])
  // The row carries the department's code: shown by its name when the home directory has it.
  const departmentName = (code: string | null): string => {
    const found = departments.value?.find((d) => d.code === code)
    return found ? (en && found.nameEn ? found.nameEn : found.nameJa) : (code ?? '—')
  }
  const kinds = kindsByProduct.find(([p]) => p === product)?.[1] ?? []
  const set = (row: NoticeOptInRow, kind: NoticeKind, enabled: boolean | null): void => {
    setBusy(true)
    setError(null)
    if (enabled !== null) setSaving({ key: row.employeeKey, kind, on: enabled })
    api['notice.optins.set']({ scope: 'employee', code: row.employeeKey, kinds: [kind], enabled })
      .then(() => setReload((n) => n + 1))
      .catch((caught: unknown) => {
        setSaving(null)
        setError(toLocalized(caught))
      })
      .finally(() => setBusy(false))
  }
  const rows = page.value?.rows ?? []
  return (
    <>
      <Section title={t('notices.tab.optins')} testId="notice-optins">
        <p className="note" data-testid="optin-default">
          {t('notices.optins.default')}
        </p>
        <form
          className="form-actions"
          role="search"
          onSubmit={(e) => {
            e.preventDefault()
            setCursors([])
            setSearch(query.trim())
          }}
        >
          <label>
            {t('notices.optins.search')}{' '}
            <input
              type="search"
              value={query}
              data-testid="optin-search"
              onChange={(e) => setQuery(e.target.value)}
            />
          </label>
          <button type="submit" className="button button-small">
            {t('notices.search')}
          </button>
          <label>
            {t('notices.optins.department')}{' '}
            <select
              value={department}
              data-testid="optin-department"
              onChange={(e) => {
                setCursors([])
                setDepartment(e.target.value)
              }}
            >
              <option value="">{t('notices.optins.allDepartments')}</option>
              {(departments.value ?? []).map((d) => (
                <option key={d.code} value={d.code}>
                  {en && d.nameEn ? d.nameEn : d.nameJa}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('notices.optins.product')}{' '}
            <select
              value={product}
              data-testid="optin-product"
              onChange={(e) => setProduct(e.target.value as NoticeProduct)}
            >
              {kindsByProduct.map(([p]) => (
                <option key={p} value={p}>
                  {t(productLabel(p))}
                </option>
              ))}
            </select>
          </label>
          {page.busy || busy ? <Busy label={t('app.loading')} /> : null}
        </form>
        <ErrorBanner message={page.error} />
        <ErrorBanner message={error} onDismiss={() => setError(null)} />
        {page.value && rows.length === 0 ? <EmptyState title={t('notices.optins.nobody')} /> : null}
        {rows.length > 0 ? (
          <table className="grid notice-grid optin-matrix" data-testid="optin-matrix">
            <thead>
              <tr>
                <th scope="col">{t('notices.optins.employee')}</th>
                <th scope="col">{t('notices.optins.department')}</th>
                {kinds.map((kind) => (
                  <th key={kind} scope="col" className="optin-head">
                    {t(kindLabel(kind))}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.employeeKey} data-testid="optin-row" data-employee={row.employeeKey}>
                  <th scope="row" className="optin-name">
                    {row.name}
                    <div className="muted">
                      <code>{row.employeeKey}</code>
                    </div>
                  </th>
                  <td>{departmentName(row.department)}</td>
                  {kinds.map((kind) => (
                    <OptInCell
                      key={kind}
                      row={row}
                      kind={kind}
                      busy={busy || saving !== null}
                      saving={saving?.key === row.employeeKey && saving.kind === kind ? saving.on : undefined}
                      onSet={(enabled) => set(row, kind, enabled)}
                    />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <div className="pager">
          <button
            type="button"
            className="button button-small"
            disabled={cursors.length === 0}
            data-testid="optin-prev"
            onClick={() => setCursors((c) => c.slice(0, -1))}
          >
            {t('notices.previous')}
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={!page.value?.nextAfter}
            data-testid="optin-next"
            onClick={() => setCursors((c) => [...c, page.value!.nextAfter!])}
          >
            {t('notices.next')}
          </button>
        </div>
        <p className="note">{t('notices.optins.legend')}</p>
      </Section>
      <Section title={t('notices.optins.bulk')} testId="notice-optins-bulk">
        <OptInBulk
          departments={departments.value ?? []}
          groups={groups.value ?? []}
          onDone={() => setReload((n) => n + 1)}
        />
        <h3 className="sub-heading">{t('notices.optins.rules')}</h3>
        <RulesList rules={page.value?.rules ?? []} />
      </Section>
    </>
  )
}
