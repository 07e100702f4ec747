import type { ReactNode } from 'react'
import { useId } from 'react'
import { Busy, ErrorBanner } from '../../components/messages'
import { Section } from '../../components/section'
import { formatCount, useLanguage, useT } from '../../i18n'
import { useAppStatusStore } from '../../stores/app-status-store'

/** Where the data lives and whether secrets can be stored: read-only facts from 'app.status'. */
export function SystemSection(): ReactNode {
  const t = useT()
  const language = useLanguage()
  const id = useId()
  const status = useAppStatusStore((s) => s.status)
  const error = useAppStatusStore((s) => s.error)
  return (
    <Section title={t('settings.system')} testId="system-section">
      <ErrorBanner message={error} />
      {status ? (
        <table className="form-table">
          <tbody>
            <tr>
              <th scope="row">
                <label htmlFor={`${id}-dir`}>{t('settings.dataDir')}</label>
              </th>
              <td>
                <input
                  id={`${id}-dir`}
                  className="path-input"
                  type="text"
                  readOnly
                  value={status.dataDir}
                  data-testid="data-dir"
                />
              </td>
            </tr>
            <tr>
              <th scope="row">{t('settings.keychain')}</th>
              <td data-testid="keychain-status">
                {status.keychain.available ? (
                  <span className="ok-text">{t('settings.keychain.ok')}</span>
                ) : (
                  <span className="error-text">
                    {t('settings.keychain.problem', { problem: status.keychain.problem?.[language] ?? '' })}
                  </span>
                )}
              </td>
            </tr>
            <tr>
              <th scope="row">{t('settings.version')}</th>
              <td>{status.version}</td>
            </tr>
            <tr>
              <th scope="row">{t('settings.runtime')}</th>
              <td>{t(`app.runtime.${status.runtime}`)}</td>
            </tr>
            <tr>
              <th scope="row">{t('settings.historyCount')}</th>
              <td>{formatCount(status.historyCount)}</td>
            </tr>
          </tbody>
        </table>
      ) : error ? null : (
        <Busy label={t('app.loading')} />
      )}
    </Section>
  )
}
