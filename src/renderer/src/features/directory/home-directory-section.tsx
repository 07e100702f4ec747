import type { FormEvent, ReactNode } from 'react'
import { useId, useState } from 'react'
import type { DepartmentSummary } from '../../../../shared/model/directory'
import type { Language } from '../../../../shared/model/localized'
import { Button } from '../../components/button'
import { Busy, EmptyState, ErrorBanner } from '../../components/messages'
import { Section } from '../../components/section'
import { formatCount, useLanguage, useT } from '../../i18n'
import { useDirectoryStore } from '../../stores/directory-store'
import type { DepartmentNode } from './department-tree'
import { buildDepartmentTree, initiallyExpanded } from './department-tree'
import { PeopleTable } from './people-table'
import type { HomeDirectoryView } from './use-home-directory'
import { useHomeDirectory } from './use-home-directory'

function departmentName(d: DepartmentSummary, language: Language): string {
  return language === 'en' && d.nameEn ? d.nameEn : d.nameJa
}

interface TreeProps {
  readonly selected: string | undefined
  readonly onSelect: (code: string | undefined) => void
  readonly expanded: ReadonlySet<string>
  readonly onToggle: (code: string) => void
}

function TreeNode({ node, ...tree }: TreeProps & { readonly node: DepartmentNode }): ReactNode {
  const t = useT()
  const language = useLanguage()
  const { code, employeeCount } = node.department
  const name = departmentName(node.department, language)
  const open = tree.expanded.has(code)
  const hasChildren = node.children.length > 0
  return (
    <li>
      <div className="tree-row">
        {hasChildren ? (
          <button
            type="button"
            className="disclosure"
            aria-expanded={open}
            aria-label={t(open ? 'directory.tree.collapse' : 'directory.tree.expand', { name })}
            onClick={() => tree.onToggle(code)}
          >
            <span aria-hidden="true">{open ? '▼' : '▶'}</span>
          </button>
        ) : (
          <span className="tree-spacer" aria-hidden="true" />
        )}
        <button
          type="button"
          className="tree-item"
          aria-current={tree.selected === code ? 'true' : undefined}
          data-testid="dept-item"
          data-code={code}
          onClick={() => tree.onSelect(code)}
        >
          {name}
          <span className="tree-count">
            {t('directory.tree.count', { count: formatCount(employeeCount) })}
          </span>
        </button>
      </div>
      {open && hasChildren ? (
        <ul>
          {node.children.map((child) => (
            <TreeNode key={child.department.code} node={child} {...tree} />
          ))}
        </ul>
      ) : null}
    </li>
  )
}

/** Departments indented under their parents; the numbers are people with it as main department. */
function DepartmentTree({
  roots,
  total,
  ...tree
}: TreeProps & { roots: readonly DepartmentNode[]; total: number }) {
  const t = useT()
  return (
    <div className="dept-tree" data-testid="dept-tree">
      <ul aria-label={t('directory.home.departments')}>
        <li>
          <div className="tree-row">
            <button
              type="button"
              className="tree-item"
              aria-current={tree.selected === undefined ? 'true' : undefined}
              data-testid="dept-all"
              onClick={() => tree.onSelect(undefined)}
            >
              {t('directory.home.everyone')}
              <span className="tree-count">{t('directory.tree.count', { count: formatCount(total) })}</span>
            </button>
          </div>
        </li>
        {roots.map((node) => (
          <TreeNode key={node.department.code} node={node} {...tree} />
        ))}
      </ul>
    </div>
  )
}

function PeoplePanel({
  view,
  title,
}: {
  readonly view: HomeDirectoryView
  readonly title: string
}): ReactNode {
  const t = useT()
  const id = useId()
  const [text, setText] = useState(view.query.text)
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    view.setQuery({ ...view.query, text })
  }
  return (
    <div className="people-panel" data-testid="people-panel">
      <h3 className="sub-heading">{title}</h3>
      <form className="people-search" role="search" onSubmit={submit}>
        <label htmlFor={`${id}-text`}>{t('history.text')}</label>
        <input
          id={`${id}-text`}
          type="search"
          data-testid="people-search"
          maxLength={200}
          value={text}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setText(e.target.value)}
        />
        <Button type="submit">{t('history.submit')}</Button>
        <span id={`${id}-hint`} className="field-hint">
          {t('directory.home.searchHint')}
        </span>
      </form>
      <ErrorBanner message={view.error} />
      <PeopleTable employees={view.employees} />
      {!view.loading && view.employees.length === 0 ? (
        <p className="muted" data-testid="people-empty">
          {t('directory.home.nobody')}
        </p>
      ) : null}
      <div className="form-actions">
        {view.nextAfter !== null ? (
          <Button disabled={view.loading} testId="people-more" onClick={view.more}>
            {t('directory.home.more')}
          </Button>
        ) : null}
        {view.loading ? <Busy label={t('app.loading')} /> : null}
        <span className="muted" data-testid="people-count">
          {t('directory.home.shown', { count: formatCount(view.employees.length) })}
        </span>
      </div>
    </div>
  )
}

function HomeBrowser({
  departments,
  view,
}: {
  departments: readonly DepartmentSummary[]
  view: HomeDirectoryView
}) {
  const t = useT()
  const language = useLanguage()
  const total = useDirectoryStore((s) => s.status?.counts.employees ?? 0)
  const roots = buildDepartmentTree(departments)
  const [expanded, setExpanded] = useState(() => initiallyExpanded(roots))
  const selected = view.query.department
  const current = departments.find((d) => d.code === selected)
  const toggle = (code: string): void =>
    setExpanded((open) => {
      const next = new Set(open)
      if (!next.delete(code)) next.add(code)
      return next
    })
  return (
    <div className="home-layout">
      <DepartmentTree
        roots={roots}
        total={total}
        selected={selected}
        expanded={expanded}
        onToggle={toggle}
        onSelect={(department) => view.setQuery({ ...view.query, department })}
      />
      <PeoplePanel
        view={view}
        title={
          current
            ? t('directory.home.peopleOf', { name: departmentName(current, language) })
            : t('directory.home.everyone')
        }
      />
    </div>
  )
}

/** ホームディレクトリ: the people and organisation the last import left, for checking before and after a run. */
export function HomeDirectorySection(): ReactNode {
  const t = useT()
  const importedAt = useDirectoryStore((s) => s.status?.importedAt ?? null)
  const employees = useDirectoryStore((s) => s.status?.counts.employees ?? 0)
  const view = useHomeDirectory(importedAt)
  const { departments } = view
  return (
    <Section title={t('directory.home')} testId="directory-home">
      {departments === null ? (
        view.error ? (
          <ErrorBanner message={view.error} />
        ) : (
          <Busy label={t('app.loading')} />
        )
      ) : departments.length === 0 && employees === 0 ? (
        <EmptyState title={t('directory.home.empty')} testId="home-empty">
          <p>{t('directory.home.emptyHint')}</p>
        </EmptyState>
      ) : (
        <HomeBrowser key={importedAt ?? 0} departments={departments} view={view} />
      )}
    </Section>
  )
}
