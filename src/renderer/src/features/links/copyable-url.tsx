import type { ReactNode } from 'react'
import { useState } from 'react'
import { useT } from '../../i18n'

/**
 * A one-time URL shown once: a read-only field (selected on focus), a copy button, the caller's other
 * actions beside it, and a note. `testId` prefixes the parts: `<testId>-issued`, `-url`, `-copy`.
 */
export function CopyableUrl({
  label,
  url,
  testId,
  note,
  children,
}: {
  readonly label: string
  readonly url: string
  readonly testId: string
  readonly note: string
  readonly children?: ReactNode
}): ReactNode {
  const t = useT()
  // Which URL was copied: a new one shows no "copied" until it is copied in turn.
  const [copiedUrl, setCopiedUrl] = useState<string | null>(null)
  const copy = (): void => {
    void navigator.clipboard.writeText(url).then(() => setCopiedUrl(url))
  }
  return (
    <div className="request-url" data-testid={`${testId}-issued`}>
      <label className="request-url-row">
        <span>{label}</span>
        <input
          type="text"
          readOnly
          value={url}
          data-testid={`${testId}-url`}
          onFocus={(e) => e.target.select()}
        />
      </label>
      <div className="form-actions">
        <button type="button" className="button" data-testid={`${testId}-copy`} onClick={copy}>
          {t('links.request.copy')}
        </button>
        {children}
        {copiedUrl === url ? (
          <span role="status" className="ok-text">
            {t('links.request.copied')}
          </span>
        ) : null}
      </div>
      <p className="note">{note}</p>
    </div>
  )
}
