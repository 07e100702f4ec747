import type { ReactNode } from 'react'
import { useState } from 'react'
import type { SourceNotice, SourceProblemReport, SourceProblemView } from '../../../../shared/model/directory'
import type { Language } from '../../../../shared/model/localized'
import { Button } from '../../components/button'
import { formatCount, useLanguage, useT } from '../../i18n'

export const problemPageSize = 50

/** The place as a short label: "users.csv:12", or the DN. */
function place(problem: SourceProblemView): string {
  if (problem.where === null) return '-'
  return problem.line === null ? problem.where : `${problem.where}:${problem.line}`
}

/** The message without its leading place, which the table already shows in its own column. */
function withoutPlace(problem: SourceProblemView, language: Language): string {
  const text = problem.message[language]
  const colon = text.indexOf(': ')
  return problem.where !== null && text.startsWith(problem.where) && colon !== -1
    ? text.slice(colon + 2)
    : text
}

/**
 * Every problem the source has, 50 to a page, in the chosen language with the place in its own column;
 * the count says how many there are, and when more than the 10,000 kept, how many more.
 */
export function SourceProblems({ report }: { readonly report: SourceProblemReport }): ReactNode {
  const t = useT()
  const language = useLanguage()
  const [page, setPage] = useState(0)
  const total = report.problems.length + report.omitted
  const pages = Math.max(1, Math.ceil(report.problems.length / problemPageSize))
  const current = Math.min(page, pages - 1)
  const start = current * problemPageSize
  const shown = report.problems.slice(start, start + problemPageSize)
  const pager = (position: 'top' | 'bottom'): ReactNode =>
    pages > 1 ? (
      <div className="pager" data-testid={`problems-pager-${position}`}>
        <Button disabled={current === 0} onClick={() => setPage(current - 1)}>
          {t('directory.problems.previous')}
        </Button>
        <span className="pager-text" data-testid={`problems-page-${position}`}>
          {t('directory.problems.page', {
            from: formatCount(start + 1),
            to: formatCount(start + shown.length),
            total: formatCount(report.problems.length),
          })}
        </span>
        <Button disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
          {t('directory.problems.next')}
        </Button>
      </div>
    ) : null
  return (
    <section
      className="source-problems"
      data-testid="source-problems"
      aria-labelledby="source-problems-title"
    >
      <h3 id="source-problems-title">{t('directory.problems.title', { count: formatCount(total) })}</h3>
      {report.omitted > 0 ? (
        <p className="note" data-testid="problems-omitted">
          {t('directory.problems.omitted', {
            count: formatCount(report.omitted),
            shown: formatCount(report.problems.length),
          })}
        </p>
      ) : null}
      {pager('top')}
      <table className="grid problems-table">
        <thead>
          <tr>
            <th scope="col">{t('directory.problems.where')}</th>
            <th scope="col">{t('directory.problems.message')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((problem, i) => (
            <tr key={start + i} data-testid="problem-row">
              <td className="problem-place">{place(problem)}</td>
              <td>{withoutPlace(problem, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pager('bottom')}
    </section>
  )
}

/** Remarks about the source: warnings loud (an alert), notes quiet. */
export function SourceNotices({ notices }: { readonly notices: readonly SourceNotice[] }): ReactNode {
  const language = useLanguage()
  if (notices.length === 0) return null
  const warnings = notices.filter((n) => n.level === 'warning')
  const notes = notices.filter((n) => n.level === 'info')
  return (
    <div data-testid="source-notices">
      {warnings.map((n, i) => (
        <div key={`w${i}`} className="rule-box notice-warning" role="alert" data-testid="source-warning">
          <p>{n.message[language]}</p>
        </div>
      ))}
      {notes.map((n, i) => (
        <p key={`n${i}`} className="note" data-testid="source-note">
          {n.message[language]}
        </p>
      ))}
    </div>
  )
}
