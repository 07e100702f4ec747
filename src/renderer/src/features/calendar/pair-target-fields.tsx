import type { ReactNode } from 'react'
import { calendarSecretName } from '../../../../shared/model/calendar-config'
import { useT } from '../../i18n'
import { RadioRow, TextRow } from '../directory/directory-fields'
import { GoogleAuthorize } from './google-authorize'
import type { PairDraft, TargetPreset } from './pair-draft'
import { googleCalendarUrl } from './pair-draft'
import { SecretRow } from './secret-row'

interface PairTargetFieldsProps {
  readonly draft: PairDraft
  readonly onChange: (draft: PairDraft) => void
  /** The pair's id as it will be saved; '' while the form has none. */
  readonly pairId: string
  /** The saved pair, when its Google settings are saved as shown: only then can it be authorized. */
  readonly savedGoogleId: string | null
  readonly authorized: boolean | null
}

/** 同期先: any CalDAV server with a password, or Google Calendar by its calendar ID with OAuth. */
export function PairTargetFields(props: PairTargetFieldsProps): ReactNode {
  const { draft, onChange, pairId } = props
  const t = useT()
  const edit = (patch: Partial<PairDraft>): void => onChange({ ...draft, ...patch })
  const google = draft.targetPreset === 'google'
  return (
    <table className="form-table">
      <tbody>
        <RadioRow<TargetPreset>
          path="target.preset"
          label={t('calendar.target.preset')}
          options={[
            { value: 'generic', label: t('calendar.target.generic') },
            { value: 'google', label: t('calendar.target.google') },
          ]}
          value={draft.targetPreset}
          onChange={(targetPreset) => edit({ targetPreset })}
        />
        {google ? (
          <>
            <TextRow
              path="target.calendarId"
              label={t('calendar.target.calendarId')}
              hint={t('calendar.target.calendarIdHint')}
              size="wide"
              maxLength={500}
              value={draft.googleCalendarId}
              onChange={(googleCalendarId) => edit({ googleCalendarId })}
            />
            <tr>
              <th scope="row">{t('calendar.url')}</th>
              <td>
                <code className="built-url" data-testid="google-url">
                  {draft.googleCalendarId.trim() !== '' ? googleCalendarUrl(draft.googleCalendarId) : '—'}
                </code>
              </td>
            </tr>
            <tr>
              <th scope="row">{t('calendar.google.authorization')}</th>
              <td>
                <GoogleAuthorize pairId={props.savedGoogleId} authorized={props.authorized} />
              </td>
            </tr>
          </>
        ) : (
          <>
            <TextRow
              path="target.url"
              label={t('calendar.url')}
              hint={t('calendar.caldavUrlHint')}
              size="wide"
              maxLength={2000}
              value={draft.targetUrl}
              onChange={(targetUrl) => edit({ targetUrl })}
            />
            <TextRow
              path="target.username"
              label={t('calendar.username')}
              maxLength={200}
              value={draft.targetUsername}
              onChange={(targetUsername) => edit({ targetUsername })}
            />
            <SecretRow
              slot="target"
              secretName={pairId ? calendarSecretName(pairId, 'target') : null}
              label={t('calendar.password')}
            />
          </>
        )}
      </tbody>
    </table>
  )
}
