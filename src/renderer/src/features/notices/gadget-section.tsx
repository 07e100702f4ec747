import type { ReactNode } from 'react'
import { useState } from 'react'
import type { EmployeeSummary } from '../../../../shared/model/directory'
import type { Localized } from '../../../../shared/model/localized'
import type { GadgetUrl } from '../../../../shared/model/notices'
import { Busy, ErrorBanner, Notice } from '../../components/messages'
import { ModalDialog } from '../../components/modal-dialog'
import { Section } from '../../components/section'
import { localized, useLanguage, useT } from '../../i18n'
import { api } from '../../lib/api'
import { toLocalized } from '../../lib/errors'
import { formatDateTime } from '../../lib/format'
import { EmployeePicker } from '../calendar/employee-picker'
import { CopyableUrl } from '../links/copyable-url'

function RotateDialog(props: { readonly onConfirm: () => void; readonly onClose: () => void }): ReactNode {
  const t = useT()
  return (
    <ModalDialog title={t('notices.gadget.rotate')} testId="gadget-rotate-dialog" onClose={props.onClose}>
      {(close) => (
        <>
          <p>{t('notices.gadget.rotateWarning')}</p>
          <div className="form-actions">
            <button
              type="button"
              className="button button-danger"
              data-testid="gadget-rotate-confirm"
              onClick={() => {
                props.onConfirm()
                close()
              }}
            >
              {t('notices.gadget.rotateConfirm')}
            </button>
            <button type="button" className="button" onClick={close}>
              {t('notices.cancel')}
            </button>
          </div>
        </>
      )}
    </ModalDialog>
  )
}

/** ポータルガジェット (seed ①): a signed URL per employee, the admin gadget's URL, and a new key that voids them all. */
export function GadgetSection(): ReactNode {
  const t = useT()
  const language = useLanguage()
  const [employee, setEmployee] = useState<EmployeeSummary | null>(null)
  const [url, setUrl] = useState<{ readonly gadget: GadgetUrl; readonly admin: boolean } | null>(null)
  const [busy, setBusy] = useState(false)
  const [rotating, setRotating] = useState(false)
  const [error, setError] = useState<Localized | null>(null)
  const [notice, setNotice] = useState<Localized | null>(null)
  const fetchUrl = (employeeKey: string | undefined): void => {
    setBusy(true)
    setError(null)
    setUrl(null)
    api['notice.gadget.url'](employeeKey ? { employeeKey } : {})
      .then((gadget) => setUrl({ gadget, admin: employeeKey === undefined }))
      .catch((caught: unknown) => setError(toLocalized(caught)))
      .finally(() => setBusy(false))
  }
  const rotate = (): void => {
    setError(null)
    api['notice.gadget.rotate']({})
      .then(({ rotatedAt }) => {
        setUrl(null)
        setNotice(localized('notices.gadget.rotated', { at: formatDateTime(rotatedAt) }))
      })
      .catch((caught: unknown) => setError(toLocalized(caught)))
  }
  return (
    <Section title={t('notices.gadget')} testId="notice-gadget">
      <p className="note">{t('notices.gadget.explain')}</p>
      <div className="form-actions">
        <span>{t('notices.gadget.employee')}</span>
        {employee ? (
          <strong data-testid="gadget-employee">
            {language === 'en' && employee.nameEn ? employee.nameEn : employee.nameJa}
          </strong>
        ) : null}
        <EmployeePicker
          onPick={(e) => {
            setEmployee(e)
            fetchUrl(e.key)
          }}
        />
        <button
          type="button"
          className="button"
          disabled={busy}
          data-testid="gadget-admin"
          onClick={() => fetchUrl(undefined)}
        >
          {t('notices.gadget.adminUrl')}
        </button>
        <button
          type="button"
          className="button button-danger"
          data-testid="gadget-rotate"
          onClick={() => setRotating(true)}
        >
          {t('notices.gadget.rotate')}
        </button>
        {busy ? <Busy label={t('app.loading')} /> : null}
      </div>
      <ErrorBanner message={error} />
      <Notice message={notice} onDismiss={() => setNotice(null)} />
      {url ? (
        <CopyableUrl
          label={t(url.admin ? 'notices.gadget.adminLabel' : 'notices.gadget.employeeLabel')}
          url={url.gadget.url}
          testId="gadget"
          note={
            url.gadget.expiresAt === null
              ? t('notices.gadget.noExpiry')
              : t('notices.gadget.expires', { at: formatDateTime(url.gadget.expiresAt) })
          }
        />
      ) : null}
      {rotating ? <RotateDialog onConfirm={rotate} onClose={() => setRotating(false)} /> : null}
    </Section>
  )
}
