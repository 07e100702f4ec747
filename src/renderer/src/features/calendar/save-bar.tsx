import type { ReactNode } from 'react'
import { Button } from '../../components/button'
import { Busy, ErrorBanner, Notice } from '../../components/messages'
import { useT } from '../../i18n'
import type { SaveState } from './use-save'

interface SaveBarProps {
  readonly state: SaveState
  readonly dirty: boolean
  readonly testId: string
  readonly onDismiss: () => void
  /** More buttons after 「保存」 (the pair form's 「削除」). */
  readonly children?: ReactNode
}

/** The one submit of a calendar form, with its progress and the core's answer right beside it. */
export function SaveBar({ state, dirty, testId, onDismiss, children }: SaveBarProps): ReactNode {
  const t = useT()
  return (
    <div className="save-bar" data-testid={`${testId}-bar`}>
      <div className="form-actions">
        {/* Not disabled while saving: a disabled button drops the keyboard focus; a second submit is ignored. */}
        <Button type="submit" primary testId={testId}>
          {t('calendar.save')}
        </Button>
        {state.saving ? <Busy label={t('settings.saving')} /> : null}
        {dirty && !state.saving ? <span className="dirty-note">{t('calendar.unsaved')}</span> : null}
        {children}
      </div>
      <ErrorBanner message={state.error} onDismiss={onDismiss} />
      <Notice message={state.notice} onDismiss={onDismiss} />
    </div>
  )
}
