import type { ReactNode } from 'react'
import type { Localized } from '../../../shared/model/localized'
import { useLanguage, useT } from '../i18n'

interface MessageProps {
  readonly message: Localized | null
  readonly onDismiss?: () => void
}

/** Errors interrupt a screen reader at once; confirmations wait until it is idle. */
const roles = { error: 'alert', info: 'status' } as const

interface BannerProps extends MessageProps {
  readonly tone: keyof typeof roles
}

/** A message from the core in the current language, with an optional dismiss link. */
function Banner({ tone, message, onDismiss }: BannerProps): ReactNode {
  const language = useLanguage()
  const t = useT()
  if (!message) return null
  return (
    <div className={`banner banner-${tone}`} role={roles[tone]}>
      <span>{message[language]}</span>
      {onDismiss ? (
        <button type="button" className="button-link" onClick={onDismiss}>
          {t('app.dismiss')}
        </button>
      ) : null}
    </div>
  )
}

/** An error from the core, in the current language. */
export function ErrorBanner(props: MessageProps): ReactNode {
  return <Banner tone="error" {...props} />
}

/** A confirmation that something happened; announced politely to screen readers. */
export function Notice(props: MessageProps): ReactNode {
  return <Banner tone="info" {...props} />
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
