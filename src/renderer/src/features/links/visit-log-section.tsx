import type { ReactNode } from 'react'
import { useState } from 'react'
import { Busy, ErrorBanner } from '../../components/messages'
import { Section } from '../../components/section'
import { useLanguage, useT } from '../../i18n'
import { api } from '../../lib/api'
import { useApiLoad } from '../../lib/use-api-load'
import { formatDateTimeWithWeekday } from '../../lib/format'
import { permissionLabels } from './rule-labels'

const pageSize = 100

/** 訪問ログ: visits issued here (発行) and received here (受入) for this link, newest first, 100 a page. */
export function VisitLogSection({ id }: { readonly id: string }): ReactNode {
  const t = useT()
  const language = useLanguage()
  // The `before` cursor of each page seen, so 「新しい方へ」 can go back.
  const [cursors, setCursors] = useState<readonly (number | undefined)[]>([undefined])
  const before = cursors[cursors.length - 1]
  const [reload, setReload] = useState(0)
  const {
    value: page,
    busy,
    error,
  } = useApiLoad(() => api['link.visits']({ id, before, limit: pageSize }), [id, before, reload])
  const decisionKey = {
    allowed: 'links.log.allowed',
    denied: 'links.log.denied',
    refused: 'links.log.refused',
  } as const
  return (
    <Section
      title={t('links.tab.visits')}
      testId="visit-log"
      actions={
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={() => setReload((n) => n + 1)}
        >
          {t('links.log.reload')}
        </button>
      }
    >
      {busy ? <Busy label={t('links.rules.loading')} /> : null}
      <ErrorBanner message={error} />
      {page && page.entries.length === 0 ? <p className="muted">{t('links.log.empty')}</p> : null}
      {page && page.entries.length > 0 ? (
        <table className="grid rule-table" data-testid="visit-log-table">
          <thead>
            <tr>
              <th scope="col">{t('links.log.at')}</th>
              <th scope="col">{t('links.log.side')}</th>
              <th scope="col">{t('links.presence.employee')}</th>
              <th scope="col">{t('links.preview.address')}</th>
              <th scope="col">{t('links.visitors.decision')}</th>
              <th scope="col">{t('links.acceptRule.permission')}</th>
              <th scope="col">{t('links.visitors.rule')}</th>
              <th scope="col">{t('links.log.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {page.entries.map((e) => (
              <tr key={e.id} data-testid="visit-log-row" data-decision={e.decision}>
                <td>{formatDateTimeWithWeekday(e.at, language)}</td>
                <td>{t(e.side === 'issued' ? 'links.log.issued' : 'links.log.received')}</td>
                <td>
                  {e.employeeName ?? '—'}{' '}
                  {e.employeeKey ? <code className="muted">{e.employeeKey}</code> : null}
                </td>
                <td>{e.address ?? '—'}</td>
                <td className={e.decision === 'allowed' ? 'ok-text' : 'rule-denied'}>
                  {t(decisionKey[e.decision])}
                </td>
                <td>{e.permission ? t(permissionLabels[e.permission]) : '—'}</td>
                <td>
                  <code>{e.ruleId ?? '—'}</code>
                </td>
                <td>{e.reason[language]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="pager">
        {cursors.length > 1 ? (
          <button
            type="button"
            className="button button-small"
            onClick={() => setCursors((c) => c.slice(0, -1))}
          >
            {t('links.log.newer')}
          </button>
        ) : null}
        {page?.nextBefore != null ? (
          <button
            type="button"
            className="button button-small"
            onClick={() => setCursors((c) => [...c, page.nextBefore!])}
          >
            {t('links.log.older')}
          </button>
        ) : null}
      </div>
    </Section>
  )
}
