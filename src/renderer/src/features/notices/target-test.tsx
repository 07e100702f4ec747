import type { ReactNode } from 'react'
import { useState } from 'react'
import type { EmployeeSummary } from '../../../../shared/model/directory'
import type { Localized } from '../../../../shared/model/localized'
import type { NoticeTestResult } from '../../../../shared/model/notices'
import { Busy, ErrorBanner } from '../../components/messages'
import { useLanguage, useT } from '../../i18n'
import { api } from '../../lib/api'
import { toLocalized } from '../../lib/errors'
import { EmployeePicker } from '../calendar/employee-picker'

/** What the test send did: the address it went to, ok or why not, and the server's own words. */
function TestResult({ result }: { readonly result: NoticeTestResult }): ReactNode {
  const t = useT()
  const language = useLanguage()
  return (
    <div
      className={result.ok ? 'outcome outcome-ok' : 'outcome outcome-error'}
      role="status"
      data-testid="target-test-result"
      data-ok={result.ok}
    >
      <div>
        <strong>{t(result.ok ? 'notices.test.ok' : 'notices.test.failed')}</strong> {result.message[language]}
      </div>
      {result.address ? (
        <div>
          {t('notices.test.address')}: <code data-testid="target-test-address">{result.address}</code>
        </div>
      ) : null}
      {result.detail ? <pre className="detail-json notice-detail">{result.detail}</pre> : null}
    </div>
  )
}

/** テスト送信: one sample message now, to a home employee's address here or to an address typed. */
export function TargetTest({ id }: { readonly id: string }): ReactNode {
  const t = useT()
  const language = useLanguage()
  const [employee, setEmployee] = useState<EmployeeSummary | null>(null)
  const [address, setAddress] = useState('')
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<NoticeTestResult | null>(null)
  const [error, setError] = useState<Localized | null>(null)
  const send = (): void => {
    setBusy(true)
    setError(null)
    setResult(null)
    const to = address.trim()
    api['notice.targets.test']({
      id,
      ...(to ? { address: to } : employee ? { employeeKey: employee.key } : {}),
    })
      .then(setResult)
      .catch((caught: unknown) => setError(toLocalized(caught)))
      .finally(() => setBusy(false))
  }
  return (
    <div className="notice-test" data-testid="target-test">
      <div className="form-actions">
        <span>{t('notices.test.to')}</span>
        {employee ? (
          <strong data-testid="target-test-employee">
            {language === 'en' && employee.nameEn ? employee.nameEn : employee.nameJa}
          </strong>
        ) : null}
        <EmployeePicker onPick={setEmployee} />
        <label>
          <span className="sr-only">{t('notices.test.addressLabel')}</span>
          <input
            type="text"
            value={address}
            placeholder={t('notices.test.addressPlaceholder')}
            data-testid="target-test-to"
            onChange={(e) => setAddress(e.target.value)}
          />
        </label>
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          data-testid="target-test-send"
          onClick={send}
        >
          {t('notices.test.send')}
        </button>
        {busy ? <Busy label={t('notices.test.sending')} /> : null}
      </div>
      <ErrorBanner message={error} />
      {result ? <TestResult result={result} /> : null}
    </div>
  )
}
