import type { FormEvent, ReactNode } from 'react'
import { useEffect, useState } from 'react'
import type { Localized } from '../../../../shared/model/localized'
import { roomMailmanPasswordSecret, type RoomSettings } from '../../../../shared/model/rooms'
import { Button } from '../../components/button'
import { Busy, ErrorBanner } from '../../components/messages'
import { Section } from '../../components/section'
import { localized, useLanguage, useT } from '../../i18n'
import { api } from '../../lib/api'
import { toLocalized } from '../../lib/errors'
import { useApiLoad } from '../../lib/use-api-load'
import { useSecretsStore } from '../../stores/secrets-store'
import { SaveBar } from '../calendar/save-bar'
import { takeSecrets } from '../calendar/secret-row'
import { useSave } from '../calendar/use-save'
import { CommunityRuleRows, OperationRows, ParameterRows, TargetRows } from './settings-fields'
import { draftToPatch, joinProblems, settingsToDraft } from './settings-draft'

type TestResult = { readonly ok: boolean; readonly message: Localized }

/** 「接続テスト」 of the saved Mailman settings: signs in and reads the mail domain; the answer stays in place. */
function TargetTest(): ReactNode {
  const t = useT()
  const language = useLanguage()
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<TestResult | null>(null)
  const [error, setError] = useState<Localized | null>(null)
  const test = (): void => {
    setBusy(true)
    setResult(null)
    setError(null)
    api['rooms.target.test']({})
      .then(setResult, (caught: unknown) => setError(toLocalized(caught)))
      .finally(() => setBusy(false))
  }
  return (
    <div className="room-target-test">
      <div className="form-actions">
        <Button testId="rooms-target-test" disabled={busy} onClick={test}>
          {t('rooms.settings.test')}
        </Button>
        {busy ? <Busy label={t('rooms.settings.testing')} /> : null}
        <span className="field-hint">{t('rooms.settings.testHint')}</span>
      </div>
      <ErrorBanner message={error} />
      {result ? (
        <p
          role="status"
          className={result.ok ? 'ok-text' : 'error-text'}
          data-testid="rooms-target-test-result"
          data-ok={result.ok}
        >
          {result.ok ? '✓' : '✗'} {result.message[language]}
        </p>
      ) : null}
    </div>
  )
}

function SettingsForm(props: {
  readonly settings: RoomSettings
  readonly onSaved: (s: RoomSettings) => void
}): ReactNode {
  const t = useT()
  const [draft, setDraft] = useState(() => settingsToDraft(props.settings))
  // A save hands back the stored settings (trimmed, defaults filled): the form shows those, keeping its notice.
  const saved = JSON.stringify(props.settings)
  const [shown, setShown] = useState(saved)
  if (shown !== saved) {
    setShown(saved)
    setDraft(settingsToDraft(props.settings))
  }
  const saver = useSave()
  const targets = useApiLoad(() => api['notice.targets.list']({}), [])
  useEffect(() => {
    void useSecretsStore.getState().load()
  }, [])
  const dirty = JSON.stringify(draft) !== JSON.stringify(settingsToDraft(props.settings))
  const edit = (patch: Partial<typeof draft>): void => setDraft((d) => ({ ...d, ...patch }))
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    const typed = takeSecrets(event.currentTarget).get('mailman')
    const result = draftToPatch(draft, props.settings)
    if ('problems' in result) {
      saver.fail(joinProblems(result.problems))
      return
    }
    // Settings first; the password only once the core accepted them (a refused form stores nothing).
    const secrets = typed ? [{ name: roomMailmanPasswordSecret, value: typed }] : []
    void saver.save(
      async () => props.onSaved(await api['rooms.settings.update'](result.patch)),
      secrets,
      localized('rooms.settings.saved'),
    )
  }
  return (
    <form noValidate onSubmit={submit} data-testid="rooms-settings-form">
      <h3 className="sub-heading">{t('rooms.settings.parameters')}</h3>
      <ParameterRows draft={draft} edit={edit} />
      <h3 className="sub-heading">{t('rooms.settings.communities')}</h3>
      <CommunityRuleRows draft={draft} edit={edit} />
      <h3 className="sub-heading">{t('rooms.settings.target')}</h3>
      <TargetRows draft={draft} edit={edit} />
      <TargetTest />
      <h3 className="sub-heading">{t('rooms.settings.operation')}</h3>
      <ErrorBanner message={targets.error} />
      <OperationRows draft={draft} edit={edit} targets={targets.value ?? []} />
      <SaveBar state={saver.state} dirty={dirty} testId="rooms-settings-save" onDismiss={saver.dismiss} />
    </form>
  )
}

/** システムパラメタ: the six parameters, community rules, the Mailman target and how notices leave. */
export function SettingsTab(): ReactNode {
  const t = useT()
  const [saved, setSaved] = useState<RoomSettings | null>(null)
  const [reloads, setReloads] = useState(0)
  const loaded = useApiLoad(() => api['rooms.settings.get']({}), [reloads])
  const settings = saved ?? loaded.value
  return (
    <Section title={t('rooms.tab.parameters')} testId="rooms-settings">
      {loaded.busy && !settings ? <Busy label={t('app.loading')} /> : null}
      {loaded.error && !settings ? (
        <div data-testid="rooms-settings-load-error">
          <ErrorBanner message={loaded.error} />
          <Button testId="rooms-settings-reload" onClick={() => setReloads((n) => n + 1)}>
            {t('rooms.reload')}
          </Button>
        </div>
      ) : null}
      {settings ? <SettingsForm settings={settings} onSaved={setSaved} /> : null}
    </Section>
  )
}
