import type { ReactNode } from 'react'
import { useLanguage, useT } from '../i18n'
import { useAppStatusStore } from '../stores/app-status-store'
import { useSettingsStore } from '../stores/settings-store'

/** Product name, where the UI runs, the event-stream state and a one-click language switch. */
export function TopBar(): ReactNode {
  const t = useT()
  const language = useLanguage()
  const status = useAppStatusStore((s) => s.status)
  const connection = useAppStatusStore((s) => s.connection)
  const update = useSettingsStore((s) => s.update)
  const saving = useSettingsStore((s) => s.saving)
  const other = language === 'ja' ? 'en' : 'ja'
  return (
    <header className="top-bar">
      <div className="product">
        <span className="product-ja" lang="ja">
          連携
        </span>
        <span className="product-en" lang="en">
          Renkei
        </span>
      </div>
      {status ? <span className="top-bar-runtime">{t(`app.runtime.${status.runtime}`)}</span> : null}
      <div className="top-bar-end">
        {connection === 'reconnecting' ? (
          <span className="connection-lost" role="status">
            {t('app.connection.reconnecting')}
          </span>
        ) : null}
        <button
          type="button"
          className="button-top"
          lang={other}
          aria-label={t('app.language.switchLabel')}
          disabled={saving}
          data-testid="language-toggle"
          onClick={() => void update({ language: other })}
        >
          {t('app.language.switch')}
        </button>
      </div>
    </header>
  )
}
