import type { ReactNode } from 'react'
import { Button } from '../../components/button'
import { Busy } from '../../components/messages'
import { useLanguage, useT } from '../../i18n'
import type { DirectorySide } from '../../stores/directory-store'
import { useDirectoryStore } from '../../stores/directory-store'

interface ConnectionCheckProps {
  readonly side: DirectorySide
  /** The form has unsaved changes: the test still uses the saved settings, so say so. */
  readonly dirty: boolean
}

/** "接続テスト" and its answer in plain words; the server's own words fold out for support. */
export function ConnectionCheck({ side, dirty }: ConnectionCheckProps): ReactNode {
  const t = useT()
  const language = useLanguage()
  const { running, result } = useDirectoryStore((s) => s.checks[side])
  const check = useDirectoryStore((s) => s.check)
  return (
    <div className="connection-check">
      <div className="form-actions">
        {/* Not disabled while testing, so the keyboard focus stays; the store ignores a second start. */}
        <Button testId={`check-${side}`} onClick={() => void check(side)}>
          {t('directory.check')}
        </Button>
        {running ? <Busy label={t('directory.checking')} /> : null}
        {dirty && !running ? <span className="field-hint">{t('directory.checkUsesSaved')}</span> : null}
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
