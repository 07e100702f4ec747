import type { ReactNode } from 'react'
import { calendarSecretName } from '../../../../shared/model/calendar-config'
import { useT } from '../../i18n'
import { NumberRow, RadioRow, TextRow } from '../directory/directory-fields'
import type { FeedAuth, PairDraft, SourceKind } from './pair-draft'
import { sourceNeedsSecret } from './pair-draft'
import { SecretRow } from './secret-row'

interface FieldsProps {
  readonly draft: PairDraft
  readonly onChange: (draft: PairDraft) => void
  /** The pair's id as it will be saved; '' while the form has none. */
  readonly pairId: string
}

/** 同期元: an iCalendar feed (read-only, any HTTP server) or a CalDAV calendar (needed for two-way). */
export function PairSourceFields({ draft, onChange, pairId }: FieldsProps): ReactNode {
  const t = useT()
  const edit = (patch: Partial<PairDraft>): void => onChange({ ...draft, ...patch })
  const ics = draft.sourceKind === 'ics'
  const secretLabel = ics && draft.feedAuth === 'bearer' ? 'calendar.source.token' : 'calendar.password'
  return (
    <table className="form-table">
      <tbody>
        <RadioRow<SourceKind>
          path="source.kind"
          label={t('calendar.source.kind')}
          options={[
            { value: 'ics', label: t('calendar.source.ics') },
            { value: 'caldav', label: t('calendar.source.caldav') },
          ]}
          value={draft.sourceKind}
          // A feed is read-only: switching to one makes the sync one-way.
          onChange={(sourceKind) =>
            edit(sourceKind === 'ics' ? { sourceKind, direction: 'one-way' } : { sourceKind })
          }
        />
        <TextRow
          path="source.url"
          label={t('calendar.url')}
          hint={t(ics ? 'calendar.source.icsUrlHint' : 'calendar.caldavUrlHint')}
          size="wide"
          maxLength={2000}
          value={draft.sourceUrl}
          onChange={(sourceUrl) => edit({ sourceUrl })}
        />
        {ics ? (
          <RadioRow<FeedAuth>
            path="source.auth"
            label={t('calendar.source.auth')}
            options={[
              { value: 'none', label: t('calendar.source.auth.none') },
              { value: 'basic', label: t('calendar.source.auth.basic') },
              { value: 'bearer', label: t('calendar.source.auth.bearer') },
            ]}
            value={draft.feedAuth}
            onChange={(feedAuth) => edit({ feedAuth })}
          />
        ) : null}
        {!ics || draft.feedAuth === 'basic' ? (
          <TextRow
            path="source.username"
            label={t('calendar.username')}
            maxLength={200}
            value={draft.sourceUsername}
            onChange={(sourceUsername) => edit({ sourceUsername })}
          />
        ) : null}
        {sourceNeedsSecret(draft) ? (
          <SecretRow
            slot="source"
            secretName={pairId ? calendarSecretName(pairId, 'source') : null}
            label={t(secretLabel)}
          />
        ) : null}
        {ics ? (
          <NumberRow
            path="source.maxMegabytes"
            label={t('calendar.source.maxMegabytes')}
            hint={t('calendar.source.maxMegabytesHint')}
            unit="MB"
            min={1}
            max={200}
            value={draft.maxMegabytes}
            onChange={(maxMegabytes) => edit({ maxMegabytes })}
          />
        ) : null}
      </tbody>
    </table>
  )
}
