import type { FormEvent, ReactNode } from 'react'
import { useId, useState } from 'react'
import type { Language, Localized } from '../../../../shared/model/localized'
import type { Settings } from '../../../../shared/model/settings'
import { Button } from '../../components/button'
import { Busy, ErrorBanner, Notice } from '../../components/messages'
import { Section } from '../../components/section'
import { localized, useT } from '../../i18n'
import { useSettingsStore } from '../../stores/settings-store'

const minMonths = 1
const maxMonths = 120

/** Language names are shown in their own language so either reader can find theirs. */
const languageOptions: readonly { readonly value: Language; readonly label: string }[] = [
  { value: 'ja', label: '日本語' },
  { value: 'en', label: 'English' },
]

interface GeneralFormProps {
  readonly settings: Settings
  readonly onSaved: (saved: boolean) => void
}

function GeneralForm({ settings, onSaved }: GeneralFormProps): ReactNode {
  const t = useT()
  const id = useId()
  const saving = useSettingsStore((s) => s.saving)
  const update = useSettingsStore((s) => s.update)
  const [months, setMonths] = useState(String(settings.historyRetentionMonths))
  const [language, setLanguage] = useState<Language>(settings.language)
  const [startAtLogin, setStartAtLogin] = useState(settings.startAtLogin)
  const [error, setError] = useState<Localized | null>(null)
  const monthsNumber = Number(months)
  const monthsValid = /^\d+$/.test(months.trim()) && monthsNumber >= minMonths && monthsNumber <= maxMonths

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    onSaved(false)
    if (!monthsValid) {
      setError(localized('settings.retentionInvalid'))
      return
    }
    setError(null)
    void update({ historyRetentionMonths: monthsNumber, language, startAtLogin }).then(onSaved)
  }

  return (
    <form onSubmit={submit} noValidate data-testid="general-form">
      <ErrorBanner message={error} />
      <table className="form-table">
        <tbody>
          <tr>
            <th scope="row">
              <label htmlFor={`${id}-months`}>{t('settings.retention')}</label>
            </th>
            <td>
              <input
                id={`${id}-months`}
                type="number"
                className="number-input"
                min={minMonths}
                max={maxMonths}
                step={1}
                value={months}
                aria-invalid={!monthsValid}
                aria-describedby={`${id}-months-hint`}
                onChange={(e) => setMonths(e.target.value)}
              />
              <span id={`${id}-months-hint`} className="field-hint">
                {t('settings.retentionHint')}
              </span>
            </td>
          </tr>
          <tr>
            <th scope="row" id={`${id}-language`}>
              {t('settings.language')}
            </th>
            <td>
              <div role="radiogroup" aria-labelledby={`${id}-language`} className="radio-group">
                {languageOptions.map((option) => (
                  <label key={option.value} lang={option.value}>
                    <input
                      type="radio"
                      name="language"
                      value={option.value}
                      checked={language === option.value}
                      onChange={() => setLanguage(option.value)}
                    />
                    {option.label}
                  </label>
                ))}
              </div>
            </td>
          </tr>
          <tr>
            <th scope="row">
              <label htmlFor={`${id}-login`}>{t('settings.startAtLogin')}</label>
            </th>
            <td>
              <input
                id={`${id}-login`}
                type="checkbox"
                checked={startAtLogin}
                aria-describedby={`${id}-login-hint`}
                onChange={(e) => setStartAtLogin(e.target.checked)}
              />
              <span id={`${id}-login-hint`} className="field-hint">
                {t('settings.startAtLoginHint')}
              </span>
            </td>
          </tr>
        </tbody>
      </table>
      <div className="form-actions">
        <Button type="submit" primary disabled={saving} testId="settings-save">
          {t('settings.save')}
        </Button>
        {saving ? <Busy label={t('settings.saving')} /> : null}
      </div>
    </form>
  )
}

export function GeneralSection(): ReactNode {
  const t = useT()
  const settings = useSettingsStore((s) => s.settings)
  const error = useSettingsStore((s) => s.error)
  const clearError = useSettingsStore((s) => s.clearError)
  // Kept here, not in the form: saving re-creates the form, and the confirmation must survive that.
  const [saved, setSaved] = useState(false)
  return (
    <Section title={t('settings.general')} testId="general-section">
      <ErrorBanner message={error} onDismiss={clearError} />
      {settings ? (
        // Re-created when the core's settings change (also from another window), so the form shows them.
        <GeneralForm key={JSON.stringify(settings)} settings={settings} onSaved={setSaved} />
      ) : error ? null : (
        <Busy label={t('app.loading')} />
      )}
      <Notice message={saved ? localized('settings.saved') : null} />
    </Section>
  )
}
