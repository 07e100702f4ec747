import type { FormEvent, ReactNode } from 'react'
import { useEffect, useState } from 'react'
import type { Localized } from '../../../../shared/model/localized'
import {
  linkEndpointPassphraseSecret,
  type LinkEndpointSettings,
  type LinkEndpointSettingsInput,
  type LinkEndpointState,
} from '../../../../shared/model/sitelink-endpoint'
import { ErrorBanner, Notice } from '../../components/messages'
import { Section } from '../../components/section'
import { localized, useLanguage, useT } from '../../i18n'
import { api } from '../../lib/api'
import { toLocalized } from '../../lib/errors'
import { TextFieldRow } from '../../components/field-rows'

interface Draft {
  readonly enabled: boolean
  readonly bindAddress: string
  readonly port: string
  readonly kind: 'pem' | 'pkcs12'
  readonly certFile: string
  readonly keyFile: string
  readonly p12File: string
  readonly passphrase: string
}

function draftOf(settings: LinkEndpointSettings): Draft {
  const c = settings.certificate
  return {
    enabled: settings.enabled,
    bindAddress: settings.bindAddress,
    port: String(settings.port),
    kind: c.kind,
    certFile: c.kind === 'pem' ? c.certFile : '',
    keyFile: c.kind === 'pem' ? c.keyFile : '',
    p12File: c.kind === 'pkcs12' ? c.file : '',
    passphrase: '',
  }
}

/** The draft as the patch `link.endpoint.update` takes; null when the port is not a whole number. */
function patchOf(draft: Draft): LinkEndpointSettingsInput | null {
  if (!/^\d{1,5}$/.test(draft.port.trim())) return null
  const port = Number(draft.port.trim())
  return {
    enabled: draft.enabled,
    bindAddress: draft.bindAddress,
    port,
    certificate:
      draft.kind === 'pem'
        ? { kind: 'pem', certFile: draft.certFile, keyFile: draft.keyFile }
        : { kind: 'pkcs12', file: draft.p12File },
  }
}

/**
 * The partner endpoint: the HTTPS listener partner sites call (seed: port 443 only, no self-signed
 * certificate). Only file paths are stored; the PKCS#12 passphrase goes to the keychain.
 */
export function EndpointSection(): ReactNode {
  const t = useT()
  const language = useLanguage()
  const [state, setState] = useState<LinkEndpointState | null>(null)
  const [draft, setDraft] = useState<Draft | null>(null)
  const [error, setError] = useState<Localized | null>(null)
  const [notice, setNotice] = useState<Localized | null>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    void api['link.endpoint.get']({}).then(
      (got) => {
        setState(got)
        setDraft(draftOf(got.settings))
      },
      (caught: unknown) => setError(toLocalized(caught)),
    )
  }, [])
  if (!state || !draft) return <ErrorBanner message={error} />
  const set = (key: keyof Draft) => (value: string | boolean) => setDraft({ ...draft, [key]: value })
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const patch = patchOf(draft)
    if (!patch) {
      setError(localized('links.endpoint.portInvalid'))
      return
    }
    setBusy(true)
    setError(null)
    setNotice(null)
    try {
      // The passphrase first: the update re-reads it when it restarts the listener.
      if (draft.kind === 'pkcs12' && draft.passphrase)
        await api['secrets.set']({ name: linkEndpointPassphraseSecret, value: draft.passphrase })
      const saved = await api['link.endpoint.update'](patch)
      setState(saved)
      setDraft(draftOf(saved.settings))
      setNotice(localized('links.endpoint.saved'))
    } catch (caught) {
      setError(toLocalized(caught))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Section title={t('links.endpoint')} testId="links-endpoint">
      <p className="note">{t('links.endpoint.intro')}</p>
      <p data-testid="endpoint-status" className={state.running ? 'ok-text' : 'muted'}>
        {t(state.running ? 'links.endpoint.running' : 'links.endpoint.stopped')}
        {state.error ? ` — ${state.error[language]}` : ''}
      </p>
      <form onSubmit={(e) => void submit(e)}>
        <table className="form-table">
          <tbody>
            <tr>
              <th scope="row">{t('links.endpoint.enabled')}</th>
              <td>
                <label>
                  <input
                    type="checkbox"
                    checked={draft.enabled}
                    data-testid="endpoint-enabled"
                    onChange={(e) => set('enabled')(e.target.checked)}
                  />{' '}
                  {t('links.endpoint.enabledLabel')}
                </label>
              </td>
            </tr>
            <TextFieldRow
              label={t('links.endpoint.address')}
              value={draft.bindAddress}
              testId="endpoint-address"
              hint={t('links.endpoint.addressHint')}
              onChange={set('bindAddress')}
            />
            <TextFieldRow
              label={t('links.endpoint.port')}
              value={draft.port}
              testId="endpoint-port"
              hint={t('links.endpoint.portHint')}
              onChange={set('port')}
            />
            <tr>
              <th scope="row">{t('links.endpoint.certificate')}</th>
              <td className="radio-group">
                {(['pem', 'pkcs12'] as const).map((kind) => (
                  <label key={kind}>
                    <input
                      type="radio"
                      name="endpoint-cert"
                      checked={draft.kind === kind}
                      onChange={() => set('kind')(kind)}
                    />{' '}
                    {t(kind === 'pem' ? 'links.endpoint.pem' : 'links.endpoint.pkcs12')}
                  </label>
                ))}
              </td>
            </tr>
            {draft.kind === 'pem' ? (
              <>
                <TextFieldRow
                  label={t('links.endpoint.certFile')}
                  value={draft.certFile}
                  testId="endpoint-cert"
                  onChange={set('certFile')}
                />
                <TextFieldRow
                  label={t('links.endpoint.keyFile')}
                  value={draft.keyFile}
                  testId="endpoint-key"
                  onChange={set('keyFile')}
                />
              </>
            ) : (
              <>
                <TextFieldRow
                  label={t('links.endpoint.p12File')}
                  value={draft.p12File}
                  testId="endpoint-p12"
                  onChange={set('p12File')}
                />
                <TextFieldRow
                  label={t('links.endpoint.passphrase')}
                  type="password"
                  value={draft.passphrase}
                  testId="endpoint-passphrase"
                  hint={t(
                    state.passphraseSet ? 'links.endpoint.passphraseSet' : 'links.endpoint.passphraseUnset',
                  )}
                  onChange={set('passphrase')}
                />
              </>
            )}
          </tbody>
        </table>
        <ErrorBanner message={error} />
        <Notice message={notice} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy} data-testid="endpoint-save">
            {t('links.endpoint.save')}
          </button>
        </div>
      </form>
    </Section>
  )
}
