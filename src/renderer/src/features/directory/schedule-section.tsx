import type { ReactNode } from 'react'
import { Section } from '../../components/section'
import { useT } from '../../i18n'
import type { DirectoryDraft } from './config-draft'
import { NumberRow, RadioRow, TextRow } from './directory-fields'

interface ScheduleSectionProps {
  readonly draft: DirectoryDraft
  readonly onChange: (draft: DirectoryDraft) => void
}

/** スケジュール・ガード: when the sync runs, and the limits that stop a run before it does harm. */
export function ScheduleSection({ draft, onChange }: ScheduleSectionProps): ReactNode {
  const t = useT()
  const edit = (patch: Partial<DirectoryDraft>): void => onChange({ ...draft, ...patch })
  return (
    <Section title={t('directory.schedule')} testId="directory-schedule">
      <table className="form-table">
        <tbody>
          <RadioRow
            path="scheduleEnabled"
            label={t('directory.schedule.enabled')}
            hint={t('directory.schedule.enabledHint')}
            options={[
              { value: 'on', label: t('directory.schedule.on') },
              { value: 'off', label: t('directory.schedule.off') },
            ]}
            value={draft.scheduleEnabled ? 'on' : 'off'}
            onChange={(v) => edit({ scheduleEnabled: v === 'on' })}
          />
          <TextRow
            path="at"
            label={t('directory.schedule.at')}
            hint={t('directory.schedule.atHint')}
            size="short"
            placeholder="00:00"
            maxLength={5}
            inputMode="numeric"
            value={draft.at}
            onChange={(at) => edit({ at })}
          />
          <TextRow
            path="licenceCount"
            label={t('directory.licenceCount')}
            hint={t('directory.licenceCountHint')}
            size="short"
            inputMode="numeric"
            maxLength={9}
            value={draft.licenceCount}
            onChange={(licenceCount) => edit({ licenceCount })}
          />
          <NumberRow
            path="maxCount"
            label={t('directory.guard.maxCount')}
            hint={t('directory.guard.hint')}
            unit={t('directory.unit.people')}
            min={0}
            max={10_000_000}
            value={draft.maxCount}
            onChange={(maxCount) => edit({ maxCount })}
          />
          <NumberRow
            path="maxPercent"
            label={t('directory.guard.maxPercent')}
            unit="%"
            min={0}
            max={100}
            step={0.1}
            value={draft.maxPercent}
            onChange={(maxPercent) => edit({ maxPercent })}
          />
          <NumberRow
            path="graceDays"
            label={t('directory.graceDays')}
            hint={t('directory.graceDaysHint')}
            unit={t('directory.unit.days')}
            min={0}
            max={3650}
            value={draft.graceDays}
            onChange={(graceDays) => edit({ graceDays })}
          />
        </tbody>
      </table>
    </Section>
  )
}
