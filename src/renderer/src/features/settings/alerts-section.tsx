import type { FormEvent, ReactNode } from 'react'
import { useEffect, useRef, useState } from 'react'
import {
  alertSmtpPasswordSecret,
  alertWebhookUrlSecret,
  type AlertDelivery,
  type AlertSettings,
} from '../../../../shared/model/alerts'
import type { Localized } from '../../../../shared/model/localized'
import { Button } from '../../components/button'
import { Busy, ErrorBanner } from '../../components/messages'
import { Section } from '../../components/section'
import { localized, useLanguage, useT } from '../../i18n'
import { api } from '../../lib/api'
import { toLocalized } from '../../lib/errors'
import { useSecretsStore } from '../../stores/secrets-store'
import { SaveBar } from '../calendar/save-bar'
import { takeSecrets } from '../calendar/secret-row'
import { useSave } from '../calendar/use-save'
import type { DraftErrors } from '../directory/draft-to-config'
import { FieldErrorsContext } from '../directory/directory-fields'
import { draftToSettings, settingsToDraft, type AlertsDraft } from './alerts-draft'
import { EmailRows, WebhookRows, webhookUrlInputName } from './alerts-fields'

interface TestState {
  readonly sending: boolean
  readonly deliveries: readonly AlertDelivery[] | null
  readonly error: Localized | null
}

/** Each channel's answer to 「テスト送信」, in plain words. */
function TestResults({ deliveries }: { readonly deliveries: readonly AlertDelivery[] }): ReactNode {
  const t = useT()
  const language = useLanguage()
  return (
    <div className="alert-results" role="status" data-testid="alerts-test-result">
      <h3 className="sub-heading">{t('alerts.result')}</h3>
      <ul>
        {deliveries.map((delivery) => (
          <li key={delivery.channel} data-testid={`alerts-result-${delivery.channel}`}>
            <span className={delivery.ok ? 'ok-text' : 'error-text'}>
              {delivery.ok ? '✓' : '✗'} {t(`alerts.result.${delivery.channel}`)}:{' '}
              {t(delivery.ok ? 'alerts.result.ok' : 'alerts.result.failed')}
            </span>{' '}
            {delivery.message[language]}
          </li>
        ))}
      </ul>
    </div>
  )
}

function AlertsForm({
  settings,
  onSaved,
}: {
  settings: AlertSettings
  onSaved: (s: AlertSettings) => void
}): ReactNode {
  const t = useT()
  const formRef = useRef<HTMLFormElement>(null)
  const [draft, setDraft] = useState(() => settingsToDraft(settings))
  const [errors, setErrors] = useState<DraftErrors>(new Map())
  const [refusals, setRefusals] = useState(0)
  const [test, setTest] = useState<TestState>({ sending: false, deliveries: null, error: null })
  const saver = useSave()
  // A save hands back the stored settings (trimmed, defaults filled): the form shows those.
  const saved = JSON.stringify(settings)
  const [shown, setShown] = useState(saved)
  if (shown !== saved) {
    setShown(saved)
    setDraft(settingsToDraft(settings))
  }
  const dirty = JSON.stringify(draft) !== JSON.stringify(settingsToDraft(settings))
  const edit = (patch: Partial<AlertsDraft>): void => setDraft({ ...draft, ...patch })

  useEffect(() => {
    if (refusals > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [refusals])

  const urlStored = useSecretsStore(
    (s) => s.secrets?.some((x) => x.name === alertWebhookUrlSecret && x.set) ?? false,
  )
  const urlInput = (): HTMLInputElement =>
    formRef.current!.elements.namedItem(webhookUrlInputName) as HTMLInputElement

  /** The draft as settings, or null after marking every problem (nothing is sent or saved then). */
  const checked = (typedUrl: string): AlertSettings | null => {
    const result = draftToSettings(draft, { typed: typedUrl, stored: urlStored })
    if ('errors' in result) {
      setErrors(result.errors)
      setRefusals((n) => n + 1)
      saver.fail(localized('alerts.error.form', { count: result.errors.size }))
      return null
    }
    setErrors(new Map())
    return result.settings
  }

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    const url = urlInput().value.trim()
    const next = checked(url)
    if (!next) return
    const password = takeSecrets(event.currentTarget).get('smtp')
    const secrets = password ? [{ name: alertSmtpPasswordSecret, value: password }] : []
    // The URL travels with the settings: the core checks both and keeps the URL in the keychain.
    const patch = { ...next, webhook: { ...next.webhook, ...(url ? { url } : {}) } }
    const write = async (): Promise<void> => {
      onSaved(await api['alerts.settings.update'](patch))
      urlInput().value = ''
      await useSecretsStore.getState().load()
    }
    void saver.save(write, secrets, localized('alerts.saved'))
  }

  const sendTest = (): void => {
    const url = urlInput().value.trim()
    const next = checked(url)
    if (!next || test.sending) return
    setTest({ sending: true, deliveries: null, error: null })
    api['alerts.test']({ settings: next, ...(url ? { webhookUrl: url } : {}) }).then(
      (result) => setTest({ sending: false, deliveries: result.deliveries, error: null }),
      (error: unknown) => setTest({ sending: false, deliveries: null, error: toLocalized(error) }),
    )
  }

  return (
    <form ref={formRef} className="alerts-form" onSubmit={submit} noValidate data-testid="alerts-form">
      <FieldErrorsContext.Provider value={errors}>
        <h3 className="sub-heading">{t('alerts.email')}</h3>
        <EmailRows draft={draft} edit={edit} />
        <h3 className="sub-heading">{t('alerts.webhook')}</h3>
        <WebhookRows draft={draft} edit={edit} />
        <p className="note">{t('alerts.testHint')}</p>
        <SaveBar state={saver.state} dirty={dirty} testId="alerts-save" onDismiss={saver.dismiss}>
          <Button testId="alerts-test" onClick={sendTest}>
            {t('alerts.test')}
          </Button>
          {test.sending ? <Busy label={t('alerts.testing')} /> : null}
        </SaveBar>
        <ErrorBanner message={test.error} />
        {test.deliveries ? <TestResults deliveries={test.deliveries} /> : null}
      </FieldErrorsContext.Provider>
    </form>
  )
}

/** 管理者への通知: where failures are sent besides the desktop notification (issue 10, item 2). */
export function AlertsSection(): ReactNode {
  const t = useT()
  const [settings, setSettings] = useState<AlertSettings | null>(null)
  const [error, setError] = useState<Localized | null>(null)
  useEffect(() => {
    api['alerts.settings.get']({}).then(setSettings, (e: unknown) => setError(toLocalized(e)))
  }, [])
  return (
    <Section title={t('alerts.title')} testId="alerts-section">
      <p className="note">{t('alerts.intro')}</p>
      <ErrorBanner message={error} />
      {settings ? (
        <AlertsForm settings={settings} onSaved={setSettings} />
      ) : error ? null : (
        <Busy label={t('app.loading')} />
      )}
    </Section>
  )
}
