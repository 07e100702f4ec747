import type { FormEvent, ReactNode } from 'react'
import { useState } from 'react'
import type { Localized } from '../../../../shared/model/localized'
import type { NoticeSettings } from '../../../../shared/model/notices'
import { Busy, ErrorBanner, Notice } from '../../components/messages'
import { Section } from '../../components/section'
import { localized, useT } from '../../i18n'
import { api } from '../../lib/api'
import { toLocalized } from '../../lib/errors'
import { useApiLoad } from '../../lib/use-api-load'
import { CheckRow, NumberRow, TextAreaRow } from '../../components/field-rows'
import { GadgetSection } from './gadget-section'

interface Draft {
  readonly enabled: boolean
  readonly calendar: boolean
  readonly directory: boolean
  readonly sitelink: boolean
  readonly portalOrigins: string
  readonly failureDigestMinutes: string
  readonly maxAttempts: string
}

const draftOf = (s: NoticeSettings): Draft => ({
  enabled: s.enabled,
  ...s.ownEvents,
  portalOrigins: s.portalOrigins.join('\n'),
  failureDigestMinutes: String(s.failureDigestMinutes),
  maxAttempts: String(s.maxAttempts),
})

const numberOf = (text: string): number => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN)

function SettingsForm(props: {
  readonly settings: NoticeSettings
  readonly onSaved: (s: NoticeSettings) => void
}): ReactNode {
  const t = useT()
  const [draft, setDraft] = useState(() => draftOf(props.settings))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<Localized | null>(null)
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }))
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    api['notice.settings.update']({
      enabled: draft.enabled,
      ownEvents: { calendar: draft.calendar, directory: draft.directory, sitelink: draft.sitelink },
      portalOrigins: draft.portalOrigins
        .split('\n')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
      failureDigestMinutes: numberOf(draft.failureDigestMinutes),
      maxAttempts: numberOf(draft.maxAttempts),
    })
      .then(props.onSaved)
      .catch((caught: unknown) => setError(toLocalized(caught)))
      .finally(() => setBusy(false))
  }
  return (
    // noValidate: the core checks every value and answers in Japanese and English, not the browser.
    <form noValidate onSubmit={submit}>
      <table className="form-table notice-form">
        <tbody>
          <CheckRow
            label={t('notices.settings.enabled')}
            text={t('notices.settings.enabledText')}
            checked={draft.enabled}
            testId="settings-enabled"
            onChange={set('enabled')}
          />
          <tr>
            <th scope="row">{t('notices.settings.ownEvents')}</th>
            <td>
              <div className="notice-checks">
                {/* Site-link receipts are not events yet (the engine README says why): no switch that does nothing. */}
                {(['calendar', 'directory'] as const).map((k) => (
                  <label key={k} className="check-label">
                    <input
                      type="checkbox"
                      checked={draft[k]}
                      data-testid={`settings-own-${k}`}
                      onChange={(e) => set(k)(e.target.checked)}
                    />
                    {t(`notices.settings.own.${k}`)}
                  </label>
                ))}
              </div>
            </td>
          </tr>
          <TextAreaRow
            label={t('notices.settings.portalOrigins')}
            value={draft.portalOrigins}
            testId="settings-origins"
            rows={3}
            placeholder="https://portal.example.co.jp"
            hint={t('notices.settings.portalOriginsHint')}
            onChange={set('portalOrigins')}
          />
          <NumberRow
            label={t('notices.settings.failureDigest')}
            value={draft.failureDigestMinutes}
            testId="settings-failure-digest"
            min={0}
            max={10080}
            hint={t('notices.settings.failureDigestHint')}
            onChange={set('failureDigestMinutes')}
          />
          <NumberRow
            label={t('notices.settings.maxAttempts')}
            value={draft.maxAttempts}
            testId="settings-max-attempts"
            min={1}
            max={100}
            hint={t('notices.settings.maxAttemptsHint')}
            onChange={set('maxAttempts')}
          />
        </tbody>
      </table>
      <ErrorBanner message={error} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="settings-save">
          {t('notices.save')}
        </button>
        {busy ? <Busy label={t('notices.saving')} /> : null}
      </div>
    </form>
  )
}

/** 設定: on/off, Renkei's own events, portal origins, failure digest, attempts; then the portal gadget. */
export function SettingsTab(): ReactNode {
  const t = useT()
  const [saved, setSaved] = useState<NoticeSettings | null>(null)
  // Here, not in the form: the form starts afresh from what was saved.
  const [notice, setNotice] = useState<Localized | null>(null)
  const loaded = useApiLoad(() => api['notice.settings.get']({}), [])
  const settings = saved ?? loaded.value
  return (
    <>
      <Section title={t('notices.tab.settings')} testId="notice-settings">
        <ErrorBanner message={loaded.error} />
        {loaded.busy && !settings ? <Busy label={t('app.loading')} /> : null}
        {settings ? (
          <SettingsForm
            key={JSON.stringify(settings)}
            settings={settings}
            onSaved={(s) => {
              setSaved(s)
              setNotice(localized('notices.settings.saved'))
            }}
          />
        ) : null}
        <Notice message={notice} onDismiss={() => setNotice(null)} />
      </Section>
      <GadgetSection />
    </>
  )
}
