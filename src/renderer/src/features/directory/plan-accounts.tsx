import type { ReactNode } from 'react'
import type { DirectoryPlan, TargetAccountSummary } from '../../../../shared/model/directory'
import { formatCount, useLanguage, useT, type MessageKey } from '../../i18n'

/** Rows drawn per list; the totals still count every account. */
const shownPerList = 200

interface AccountListProps {
  readonly title: MessageKey
  readonly accounts: readonly TargetAccountSummary[]
  readonly total: number
  readonly testId: string
}

/** One foldable list (details/summary: keyboard-usable as it is) of accounts Renkei will not write to. */
function AccountList({ title, accounts, total, testId }: AccountListProps): ReactNode {
  const t = useT()
  const language = useLanguage()
  if (total === 0) return null
  const rows = accounts.slice(0, shownPerList)
  return (
    <details className="account-list" data-testid={testId}>
      <summary>{t(title, { count: formatCount(total) })}</summary>
      <table className="grid plan-table">
        <thead>
          <tr>
            <th scope="col">{t('directory.accounts.login')}</th>
            <th scope="col">{t('directory.accounts.key')}</th>
            <th scope="col">{t('directory.accounts.ref')}</th>
            <th scope="col">{t('directory.accounts.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={`${a.object}:${a.ref}:${a.key ?? ''}`} data-testid="account-row">
              <td>
                {a.name}
                {a.displayName !== a.name ? <span className="muted"> {a.displayName}</span> : null}
              </td>
              <td className="nowrap">
                <code>{a.key ?? '-'}</code>
              </td>
              <td>
                <code>{a.ref}</code>
              </td>
              <td>{a.reason?.[language] ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > rows.length ? (
        <p className="muted">{t('directory.accounts.more', { count: formatCount(total - rows.length) })}</p>
      ) : null}
    </details>
  )
}

/** "Will adopt N existing accounts", and the foreign, excluded and held accounts a run leaves alone. */
export function PlanAccounts({ plan }: { readonly plan: DirectoryPlan }): ReactNode {
  const t = useT()
  if (!plan.hasTarget) return null
  return (
    <div className="plan-accounts" data-testid="plan-accounts">
      {plan.adoption.candidates > 0 ? (
        <p className="rule-box" role="status" data-testid="plan-adoptions">
          {t('directory.accounts.adopt', { count: formatCount(plan.adoption.candidates) })}
        </p>
      ) : null}
      <AccountList
        title="directory.accounts.held"
        accounts={plan.held}
        total={plan.heldTotal}
        testId="plan-held"
      />
      <AccountList
        title="directory.accounts.excluded"
        accounts={plan.excluded}
        total={plan.excludedTotal}
        testId="plan-excluded"
      />
      <AccountList
        title="directory.accounts.foreign"
        accounts={plan.foreign}
        total={plan.foreignTotal}
        testId="plan-foreign"
      />
    </div>
  )
}
