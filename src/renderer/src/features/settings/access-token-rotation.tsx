import type { ReactNode } from 'react'
import { useId } from 'react'
import { useT } from '../../i18n'
import { useSecretsStore } from '../../stores/secrets-store'

/**
 * After a rotation: the new URL to open and bookmark. This tab still holds the old token, so "open"
 * reloads the page with the new one (only the #fragment changes, which alone would not reload).
 */
export function AccessTokenRotation(): ReactNode {
  const t = useT()
  const id = useId()
  const rotation = useSecretsStore((s) => s.rotation)
  if (!rotation) return null
  const { url } = rotation
  return (
    <div className="banner banner-info rotation" role="status" data-testid="token-rotated">
      {url === null ? (
        <p>{t('settings.secrets.rotatedNoDaemon')}</p>
      ) : (
        <>
          <p>{t('settings.secrets.rotated')}</p>
          <p className="rotation-url">
            <label htmlFor={`${id}-url`}>{t('settings.secrets.newUrl')}</label>
            <input
              id={`${id}-url`}
              className="path-input"
              type="text"
              readOnly
              value={url}
              data-testid="new-url"
              onFocus={(event) => event.currentTarget.select()}
            />
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                window.location.replace(url)
                window.location.reload()
              }}
            >
              {t('settings.secrets.openNewUrl')}
            </button>
          </p>
        </>
      )}
    </div>
  )
}
