import type { MouseEvent, ReactNode } from 'react'
import { directorySecretNames } from '../../../../shared/model/directory-config'
import { Busy } from '../../components/messages'
import { localized, useLanguage, useT } from '../../i18n'
import type { DirectorySide } from '../../stores/directory-store'
import { useDirectoryStore } from '../../stores/directory-store'
import type { DirectoryDraft } from './config-draft'
import { draftToConfig } from './draft-to-config'
import { readSecretInputs } from './secret-fields'

interface ConnectionCheckProps {
  readonly side: DirectorySide
  /** What the form shows now: the test uses it (saved or not) and saves nothing. */
  readonly draft: DirectoryDraft
  /** The form has unsaved changes: say that the test uses them. */
  readonly dirty: boolean
}

/** The keychain entry of the side's connection, whose typed (unsaved) value the test uses. */
function secretNameOf(side: DirectorySide, draft: DirectoryDraft): string | null {
  if (side === 'source') return draft.sourceKind === 'ldap' ? directorySecretNames.sourceLdapPassword : null
  if (draft.targetKind === 'ldap') return directorySecretNames.targetLdapPassword
  return draft.targetKind === 'scim' ? directorySecretNames.targetScimToken : null
}

/** "接続テスト" of what is on the screen, and its answer in plain words; the server's own words fold out. */
export function ConnectionCheck({ side, draft, dirty }: ConnectionCheckProps): ReactNode {
  const t = useT()
  const language = useLanguage()
  const { running, result } = useDirectoryStore((s) => s.checks[side])
  const check = useDirectoryStore((s) => s.check)
  const start = (event: MouseEvent<HTMLButtonElement>): void => {
    const parsed = draftToConfig(draft)
    if (!('config' in parsed)) {
      void check(side, { refused: localized('directory.checkDraftInvalid', { count: parsed.errors.size }) })
      return
    }
    const form = event.currentTarget.form
    const name = secretNameOf(side, draft)
    const typed = form && name ? readSecretInputs(form).secrets.find((s) => s.name === name) : undefined
    void check(side, { config: parsed.config, secret: typed?.value })
  }
  return (
    <div className="connection-check">
      <div className="form-actions">
        {/* Not disabled while testing, so the keyboard focus stays; the store ignores a second start. */}
        <button type="button" className="button" data-testid={`check-${side}`} onClick={start}>
          {t('directory.check')}
        </button>
        {running ? <Busy label={t('directory.checking')} /> : null}
        {dirty && !running ? <span className="field-hint">{t('directory.checkUsesDraft')}</span> : null}
      </div>
      {result ? (
        <div
          className={result.ok ? 'check-result check-ok' : 'check-result check-ng'}
          role={result.ok ? 'status' : 'alert'}
          data-testid={`check-result-${side}`}
        >
          <span className="check-mark">{t(result.ok ? 'directory.check.ok' : 'directory.check.ng')}</span>
          <span>{result.message[language]}</span>
          {result.detail ? (
            <details className="check-detail">
              <summary>{t('directory.check.detail')}</summary>
              <pre className="detail-json">{result.detail}</pre>
            </details>
          ) : null}
        </div>
      ) : null}
    </div>
  )
}
