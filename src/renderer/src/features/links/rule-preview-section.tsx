import type { ReactNode } from 'react'
import { useState } from 'react'
import type { Localized } from '../../../../shared/model/localized'
import type { LinkExplanation } from '../../../../shared/model/sitelink-rules'
import { Busy, ErrorBanner } from '../../components/messages'
import { Section } from '../../components/section'
import { useLanguage, useT } from '../../i18n'
import { api } from '../../lib/api'
import { toLocalized } from '../../lib/errors'
import { EmployeePicker } from '../calendar/employee-picker'
import { ExplanationView } from './explanation-view'
import { localName, PartnerPersonPicker } from './partner-pickers'
import { useHomeCatalog } from './use-home-catalog'
import { VisitorsTable } from './visitors-table'

type Direction = 'outgoing' | 'incoming'

/**
 * プレビュー: "why can't X log in?" for a home employee visiting the partner (自社の社員) or a partner
 * employee visiting here (連携先の社員), optionally from one address; then the whole "who may visit" table.
 */
export function RulePreviewSection({ id }: { readonly id: string }): ReactNode {
  const t = useT()
  const en = useLanguage() === 'en'
  const { catalog } = useHomeCatalog()
  const homeDepartment = (code: string): string => {
    const found = catalog?.departments.find((d) => d.code === code)
    return found ? localName(found, en) : code
  }
  const [direction, setDirection] = useState<Direction>('outgoing')
  const [person, setPerson] = useState<{ key: string; name: string } | null>(null)
  const [address, setAddress] = useState('')
  const [result, setResult] = useState<LinkExplanation | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<Localized | null>(null)
  const explain = async (employeeKey: string): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      setResult(
        await api['link.explain']({
          employeeKey,
          direction,
          linkId: id,
          address: address.trim() || undefined,
        }),
      )
    } catch (caught) {
      setResult(null)
      setError(toLocalized(caught))
    } finally {
      setBusy(false)
    }
  }
  const choose = (key: string, name: string): void => {
    setPerson({ key, name })
    void explain(key)
  }
  const switchTo = (next: Direction): void => {
    setDirection(next)
    setPerson(null)
    setResult(null)
    setError(null)
  }
  return (
    <Section title={t('links.tab.preview')} testId="rule-preview">
      <p className="note">{t('links.preview.intro')}</p>
      <div className="preview-modes" role="radiogroup" aria-label={t('links.preview.mode')}>
        {(['outgoing', 'incoming'] as const).map((d) => (
          <label key={d}>
            <input
              type="radio"
              name="preview-direction"
              checked={direction === d}
              data-testid={`preview-${d}`}
              onChange={() => switchTo(d)}
            />
            {t(d === 'outgoing' ? 'links.preview.mine' : 'links.preview.partner')}
          </label>
        ))}
      </div>
      <div className="preview-form">
        <label>
          <span>{t('links.preview.address')}</span>
          <input
            type="text"
            value={address}
            placeholder="203.0.113.7"
            data-testid="preview-address"
            onChange={(e) => setAddress(e.target.value)}
          />
        </label>
        <span className="muted">{t('links.preview.addressHint')}</span>
      </div>
      <div className="preview-person">
        <strong data-testid="preview-person">
          {person ? `${person.name}（${person.key}）` : t('links.presence.noEmployee')}
        </strong>{' '}
        {person ? (
          <button
            type="button"
            className="button button-small"
            disabled={busy}
            onClick={() => void explain(person.key)}
          >
            {t('links.preview.again')}
          </button>
        ) : null}
        {direction === 'outgoing' ? (
          <EmployeePicker onPick={(e) => choose(e.key, localName(e, en))} />
        ) : (
          <PartnerPersonPicker
            id={id}
            testId="preview-partner-picker"
            onPick={(p) => choose(p.key, localName(p, en))}
          />
        )}
      </div>
      {busy ? <Busy label={t('links.preview.checking')} /> : null}
      <ErrorBanner message={error} />
      {result && result.direction === direction ? <ExplanationView id={id} explanation={result} /> : null}
      <VisitorsTable
        key={direction}
        id={id}
        direction={direction}
        onExplain={choose}
        departmentName={direction === 'outgoing' ? homeDepartment : undefined}
      />
    </Section>
  )
}
