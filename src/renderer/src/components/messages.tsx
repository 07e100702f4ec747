import type { ReactNode } from 'react'
import type { Localized } from '../../../shared/model/localized'
import { useLanguage, useT } from '../i18n'

interface MessageProps {
  readonly message: Localized | null
  readonly onDismiss?: () => void
}

/** An error from the core, in the current language. */
export function ErrorBanner({ message, onDismiss }: MessageProps): ReactNode {
  const language = useLanguage()
  const t = useT()
  if (!message) return null
  return (
    <div className="banner banner-error" role="alert">
      <span>{message[language]}</span>
      {onDismiss ? (
        <button type="button" className="button-link" onClick={onDismiss}>
          {t('app.dismiss')}
        </button>
      ) : null}
    </div>
  )
}

/** A confirmation that something happened; announced politely to screen readers. */
export function Notice({ message, onDismiss }: MessageProps): ReactNode {
  const language = useLanguage()
  const t = useT()
  if (!message) return null
  return (
    <div className="banner banner-info" role="status">
      <span>{message[language]}</span>
      {onDismiss ? (
        <button type="button" className="button-link" onClick={onDismiss}>
          {t('app.dismiss')}
        </button>
      ) : null}
    </div>
  )
}

interface EmptyStateProps {
  readonly title: string
  readonly children?: ReactNode
  readonly testId?: string
}

/** Says what is missing and what to do first, instead of an empty table. */
export function EmptyState({ title, children, testId }: EmptyStateProps): ReactNode {
  return (
    <div className="empty-state" data-testid={testId}>
      <p className="empty-state-title">{title}</p>
      {children}
    </div>
  )
}

/** Inline progress text; the live region makes "searching…" audible too. */
export function Busy({ label }: { readonly label: string }): ReactNode {
  return (
    <span className="busy" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </span>
  )
}
