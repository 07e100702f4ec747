import type { FormEvent, ReactNode } from 'react'
import { useEffect, useState } from 'react'
import type { Localized } from '../../../../shared/model/localized'
import {
  networkProxyPasswordSecret,
  proxyModes,
  type NetworkSettings,
  type NetworkState,
} from '../../../../shared/model/network'
import { Busy, ErrorBanner } from '../../components/messages'
import { Section } from '../../components/section'
import { localized, useT } from '../../i18n'
import { api } from '../../lib/api'
import { toLocalized } from '../../lib/errors'
import { useSecretsStore } from '../../stores/secrets-store'
import { SaveBar } from '../calendar/save-bar'
import { SecretRow, takeSecrets } from '../calendar/secret-row'
import { useSave } from '../calendar/use-save'
import { RadioRow, TextAreaRow, TextRow } from '../directory/directory-fields'
import { TrustedCas } from './network-cas'
import { NetworkTest } from './network-test-panel'
import './network.css'

interface ProxyDraft {
  readonly mode: NetworkSettings['mode']
  readonly proxyUrl: string
  readonly proxyUsername: string
  /** One entry per line (commas are read too). */
  readonly noProxy: string
}

const toDraft = (s: NetworkSettings): ProxyDraft => ({ ...s, noProxy: s.noProxy.join('\n') })
const toSettings = (d: ProxyDraft): NetworkSettings => ({
  ...d,
  noProxy: d.noProxy
    .split(/[\n,]+/)
    .map((x) => x.trim())
    .filter((x) => x !== ''),
})

function ProxyForm({
  state,
  onSaved,
}: {
  state: NetworkState
  onSaved: (s: NetworkState) => void
}): ReactNode {
  const t = useT()
  const [draft, setDraft] = useState(() => toDraft(state.settings))
  const saver = useSave()
  const dirty = JSON.stringify(draft) !== JSON.stringify(toDraft(state.settings))
  const edit = (patch: Partial<ProxyDraft>): void => setDraft({ ...draft, ...patch })
  const modes = proxyModes.filter((mode) => mode !== 'system' || state.systemAvailable)

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    const password = takeSecrets(event.currentTarget).get('proxy')
    const secrets = password ? [{ name: networkProxyPasswordSecret, value: password }] : []
    const write = async (): Promise<void> => {
      const next = await api['network.update'](toSettings(draft))
      setDraft(toDraft(next.settings))
      onSaved(next)
      await useSecretsStore.getState().load()
    }
    void saver.save(write, secrets, localized('network.saved'))
  }

  return (
    <form className="network-form" onSubmit={submit} noValidate data-testid="network-form">
      <table className="form-table">
        <tbody>
          <RadioRow
            path="network.mode"
            label={t('network.mode')}
            options={modes.map((value) => ({ value, label: t(`network.mode.${value}`) }))}
            value={draft.mode}
            onChange={(mode) => edit({ mode })}
          />
          {draft.mode === 'manual' ? (
            <>
              <TextRow
                path="network.proxyUrl"
                label={t('network.proxyUrl')}
                hint={t('network.proxyUrlHint')}
                placeholder="http://proxy.example.co.jp:8080"
                size="wide"
                maxLength={2000}
                value={draft.proxyUrl}
                onChange={(proxyUrl) => edit({ proxyUrl })}
              />
              <TextRow
                path="network.proxyUsername"
                label={t('network.proxyUsername')}
                hint={t('network.proxyUsernameHint')}
                maxLength={200}
                value={draft.proxyUsername}
                onChange={(proxyUsername) => edit({ proxyUsername })}
              />
              <SecretRow
                slot="proxy"
                secretName={networkProxyPasswordSecret}
                label={t('network.proxyPassword')}
              />
            </>
          ) : null}
          {draft.mode === 'manual' || draft.mode === 'environment' ? (
            <TextAreaRow
              path="network.noProxy"
              label={t('network.noProxy')}
              hint={t('network.noProxyHint')}
              placeholder={'.corp.example.co.jp\n192.168.0.0/16'}
              value={draft.noProxy}
              onChange={(noProxy) => edit({ noProxy })}
            />
          ) : null}
        </tbody>
      </table>
      <SaveBar state={saver.state} dirty={dirty} testId="network-save" onDismiss={saver.dismiss} />
    </form>
  )
}

/** ネットワーク: the proxy every outbound connection uses, the CAs trusted besides the system's, and a test. */
export function NetworkSection(): ReactNode {
  const t = useT()
  const [state, setState] = useState<NetworkState | null>(null)
  const [error, setError] = useState<Localized | null>(null)
  useEffect(() => {
    api['network.get']({}).then(setState, (e: unknown) => setError(toLocalized(e)))
  }, [])
  return (
    <Section title={t('network.title')} testId="network-section">
      <p className="note">{t('network.intro')}</p>
      <ErrorBanner message={error} />
      {state ? (
        <>
          <h3 className="sub-heading">{t('network.proxy')}</h3>
          <ProxyForm state={state} onSaved={setState} />
          <h3 className="sub-heading">{t('network.cas')}</h3>
          <TrustedCas state={state} onChanged={setState} />
          <h3 className="sub-heading">{t('network.test')}</h3>
          <NetworkTest />
        </>
      ) : error ? null : (
        <Busy label={t('app.loading')} />
      )}
    </Section>
  )
}
