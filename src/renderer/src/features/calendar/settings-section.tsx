import type { FormEvent, ReactNode } from 'react'
import { useEffect, useRef, useState } from 'react'
import type { CalendarSettings } from '../../../../shared/model/calendar-config'
import { calendarOAuthClientSecretName } from '../../../../shared/model/calendar-config'
import { Section } from '../../components/section'
import { localized, useT } from '../../i18n'
import { api } from '../../lib/api'
import { useCalendarStore } from '../../stores/calendar-store'
import type { DraftErrors } from '../directory/draft-to-config'
import { FieldErrorsContext, NumberRow, TextRow } from '../directory/directory-fields'
import { SaveBar } from './save-bar'
import { SecretRow, takeSecrets } from './secret-row'
import type { NumberField, SettingsDraft } from './settings-draft'
import { draftToSettings, numberFields, settingsToDraft } from './settings-draft'
import { useSave } from './use-save'

interface NumberSpec {
  readonly field: NumberField
  readonly unit: 'minutes' | 'seconds' | 'pairs' | 'months' | 'days' | 'errors' | 'hours'
}

const numberRows: readonly NumberSpec[] = [
  { field: 'intervalMinutes', unit: 'minutes' },
  { field: 'jitterSeconds', unit: 'seconds' },
  { field: 'concurrency', unit: 'pairs' },
  { field: 'windowPastMonths', unit: 'months' },
  { field: 'windowFutureDays', unit: 'days' },
  { field: 'autoStopErrors', unit: 'errors' },
  { field: 'autoStopHours', unit: 'hours' },
]

function SettingsForm({ settings }: { readonly settings: CalendarSettings }): ReactNode {
  const t = useT()
  const formRef = useRef<HTMLFormElement>(null)
  const [draft, setDraft] = useState(() => settingsToDraft(settings))
  const [errors, setErrors] = useState<DraftErrors>(new Map())
  const [refusals, setRefusals] = useState(0)
  const saver = useSave()
  // Every calendar event carries the settings anew: reset the form only when they really changed.
  const saved = JSON.stringify(settings)
  const [shown, setShown] = useState(saved)
  if (shown !== saved) {
    setShown(saved)
    setDraft(settingsToDraft(settings))
    setErrors(new Map())
  }
  const dirty = JSON.stringify(draft) !== JSON.stringify(settingsToDraft(settings))
  const edit = (patch: Partial<SettingsDraft>): void => setDraft({ ...draft, ...patch })

  useEffect(() => {
    if (refusals > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [refusals])

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    const typed = takeSecrets(event.currentTarget)
    const result = draftToSettings(draft)
    if ('errors' in result) {
      setErrors(result.errors)
      saver.fail(localized('calendar.error.form', { count: result.errors.size }))
      setRefusals((n) => n + 1)
      return
    }
    setErrors(new Map())
    const secret = typed.get('client')
    const secrets = secret ? [{ name: calendarOAuthClientSecretName, value: secret }] : []
    const write = async (): Promise<void> => {
      await api['calendar.settings.update'](result.settings)
      await useCalendarStore.getState().loadStatus()
    }
    void saver.save(write, secrets, localized('calendar.settings.saved'))
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate data-testid="calendar-settings-form">
      <FieldErrorsContext.Provider value={errors}>
        <table className="form-table">
          <tbody>
            {numberRows.map(({ field, unit }) => (
              <NumberRow
                key={field}
                path={field}
                label={t(`calendar.settings.${field}`)}
                hint={t(`calendar.settings.${field}Hint`)}
                unit={t(`calendar.unit.${unit}`)}
                min={numberFields[field].min}
                max={numberFields[field].max}
                value={draft[field]}
                onChange={(value) => edit({ [field]: value })}
              />
            ))}
          </tbody>
        </table>
        <h3 className="sub-heading">{t('calendar.settings.oauth')}</h3>
        <p className="note">{t('calendar.settings.oauthIntro')}</p>
        <table className="form-table">
          <tbody>
            <TextRow
              path="oauth.clientId"
              label={t('calendar.settings.clientId')}
              size="wide"
              maxLength={500}
              value={draft.clientId}
              onChange={(clientId) => edit({ clientId })}
            />
            <SecretRow
              slot="client"
              secretName={calendarOAuthClientSecretName}
              label={t('calendar.settings.clientSecret')}
            />
            <TextRow
              path="oauth.authorizationEndpoint"
              label={t('calendar.settings.authorizationEndpoint')}
              size="wide"
              maxLength={2000}
              value={draft.authorizationEndpoint}
              onChange={(authorizationEndpoint) => edit({ authorizationEndpoint })}
            />
            <TextRow
              path="oauth.tokenEndpoint"
              label={t('calendar.settings.tokenEndpoint')}
              size="wide"
              maxLength={2000}
              value={draft.tokenEndpoint}
              onChange={(tokenEndpoint) => edit({ tokenEndpoint })}
            />
            <TextRow
              path="oauth.scope"
              label={t('calendar.settings.scope')}
              size="wide"
              maxLength={1000}
              value={draft.scope}
              onChange={(scope) => edit({ scope })}
            />
          </tbody>
        </table>
        <SaveBar
          state={saver.state}
          dirty={dirty}
          testId="calendar-settings-save"
          onDismiss={saver.dismiss}
        />
      </FieldErrorsContext.Provider>
    </form>
  )
}

/** Settings every pair shares: the cycle, the sync window, the automatic stop and Google's OAuth client. */
export function SettingsSection(): ReactNode {
  const t = useT()
  const settings = useCalendarStore((s) => s.status?.settings ?? null)
  if (!settings) return null
  return (
    <Section title={t('calendar.settings')} testId="calendar-settings">
      <SettingsForm settings={settings} />
    </Section>
  )
}
