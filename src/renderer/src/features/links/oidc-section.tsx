import type { FormEvent, ReactNode } from 'react'
import { useEffect, useState } from 'react'
import type { Localized } from '../../../../shared/model/localized'
import {
  oidcClientSecretName,
  type OidcSettings,
  type OidcSettingsInput,
} from '../../../../shared/model/sitelink-rules'
import { ErrorBanner, Notice } from '../../components/messages'
import { Section } from '../../components/section'
import { localized, useT } from '../../i18n'
import { api } from '../../lib/api'
import { toLocalized } from '../../lib/errors'
import { useLinksStore } from '../../stores/links-store'

interface ClientDraft {
  readonly clientId: string
  readonly name: string
  /** One URI a line. */
  readonly redirectUris: string
  readonly initiateLoginUri: string
  /** Write-only: empty = keep the stored secret. */
  readonly secret: string
  readonly secretSet: boolean
}

interface Draft {
  readonly enabled: boolean
  readonly clients: readonly ClientDraft[]
}

const blankClient: ClientDraft = {
  clientId: '',
  name: '',
  redirectUris: '',
  initiateLoginUri: '',
  secret: '',
  secretSet: false,
}

function draftOf(settings: OidcSettings): Draft {
  return {
    enabled: settings.enabled,
    clients: settings.clients.map((client) => ({
      clientId: client.clientId,
      name: client.name,
      redirectUris: client.redirectUris.join('\n'),
      initiateLoginUri: client.initiateLoginUri ?? '',
      secret: '',
      secretSet: client.secretSet,
    })),
  }
}

function inputOf(draft: Draft): OidcSettingsInput {
  return {
    enabled: draft.enabled,
    clients: draft.clients.map((client) => ({
      clientId: client.clientId.trim(),
      name: client.name.trim(),
      redirectUris: client.redirectUris
        .split('\n')
        .map((uri) => uri.trim())
        .filter((uri) => uri !== ''),
      initiateLoginUri: client.initiateLoginUri.trim() === '' ? null : client.initiateLoginUri.trim(),
    })),
  }
}

function ClientFields(props: {
  readonly index: number
  readonly client: ClientDraft
  readonly onChange: (client: ClientDraft) => void
  readonly onRemove: () => void
}): ReactNode {
  const t = useT()
  const { client, index } = props
  const field = (key: keyof ClientDraft, label: string, hint?: string, type = 'text'): ReactNode => (
    <tr>
      <th scope="row">
        <label htmlFor={`oidc-${index}-${key}`}>{label}</label>
      </th>
      <td>
        {key === 'redirectUris' ? (
          <textarea
            id={`oidc-${index}-${key}`}
            className="path-input"
            rows={2}
            value={client.redirectUris}
            data-testid={`oidc-client-${index}-${key}`}
            onChange={(e) => props.onChange({ ...client, redirectUris: e.target.value })}
          />
        ) : (
          <input
            id={`oidc-${index}-${key}`}
            type={type}
            className="path-input"
            autoComplete="off"
            value={String(client[key])}
            data-testid={`oidc-client-${index}-${key}`}
            onChange={(e) => props.onChange({ ...client, [key]: e.target.value })}
          />
        )}
        {hint ? <div className="field-hint">{hint}</div> : null}
      </td>
    </tr>
  )
  return (
    <fieldset className="oidc-client" data-testid={`oidc-client-${index}`}>
      <legend>{client.name || t('links.oidc.newClient')}</legend>
      <table className="form-table">
        <tbody>
          {field('clientId', t('links.oidc.clientId'), t('links.oidc.clientIdHint'))}
          {field('name', t('links.oidc.clientName'))}
          {field('redirectUris', t('links.oidc.redirectUris'), t('links.oidc.redirectUrisHint'))}
          {field('initiateLoginUri', t('links.oidc.initiateLoginUri'), t('links.oidc.initiateLoginUriHint'))}
          {field(
            'secret',
            t('links.oidc.secret'),
            t(client.secretSet ? 'links.oidc.secretSet' : 'links.oidc.secretUnset'),
            'password',
          )}
        </tbody>
      </table>
      <button type="button" className="button button-danger" onClick={props.onRemove}>
        {t('links.oidc.removeClient')}
      </button>
    </fieldset>
  )
}

/**
 * The OpenID Connect provider mode: partners' visitors sign in to this site's groupware with what the
 * accept rules decided. Client secrets go to the keychain (`secrets.set`) and are never shown.
 */
export function OidcSection(): ReactNode {
  const t = useT()
  const [settings, setSettings] = useState<OidcSettings | null>(null)
  const [draft, setDraft] = useState<Draft | null>(null)
  const [error, setError] = useState<Localized | null>(null)
  const [notice, setNotice] = useState<Localized | null>(null)
  const [busy, setBusy] = useState(false)
  const show = (got: OidcSettings): void => {
    setSettings(got)
    setDraft(draftOf(got))
  }
  // The issuer follows the link URL: read again when the site settings change it (the draft stays).
  const linkUrl = useLinksStore((s) => s.site?.linkUrl ?? null)
  useEffect(() => {
    void api['link.oidc.get']({}).then(
      (got) => {
        setSettings(got)
        setDraft((current) => current ?? draftOf(got))
      },
      (caught: unknown) => setError(toLocalized(caught)),
    )
  }, [linkUrl])
  if (!settings || !draft) return <ErrorBanner message={error} />
  const setClient = (index: number, client: ClientDraft | null): void =>
    setDraft({
      ...draft,
      clients: draft.clients.flatMap((old, i) => (i !== index ? [old] : client === null ? [] : [client])),
    })
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    setNotice(null)
    try {
      // Settings first: a refused client id never gets a secret stored under its name.
      await api['link.oidc.update'](inputOf(draft))
      for (const client of draft.clients) {
        if (client.secret !== '')
          await api['secrets.set']({
            name: oidcClientSecretName(client.clientId.trim()),
            value: client.secret,
          })
      }
      show(await api['link.oidc.get']({}))
      setNotice(localized('links.oidc.saved'))
    } catch (caught) {
      setError(toLocalized(caught))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Section title={t('links.oidc')} testId="links-oidc">
      <p className="note">{t('links.oidc.intro')}</p>
      {settings.issuer === null ? (
        <p className="muted">{t('links.oidc.noLinkUrl')}</p>
      ) : (
        <table className="form-table">
          <tbody>
            <tr>
              <th scope="row">{t('links.oidc.issuer')}</th>
              <td data-testid="oidc-issuer">
                <code>{settings.issuer}</code>
              </td>
            </tr>
            <tr>
              <th scope="row">{t('links.oidc.discovery')}</th>
              <td data-testid="oidc-discovery">
                <code>{`${settings.issuer}/.well-known/openid-configuration`}</code>
              </td>
            </tr>
          </tbody>
        </table>
      )}
      <form onSubmit={(e) => void submit(e)}>
        <label>
          <input
            type="checkbox"
            checked={draft.enabled}
            data-testid="oidc-enabled"
            onChange={(e) => setDraft({ ...draft, enabled: e.target.checked })}
          />{' '}
          {t('links.oidc.enabled')}
        </label>
        {settings.enabled && settings.clients.length === 0 ? (
          <p className="muted" data-testid="oidc-no-client">
            {t('links.oidc.noClient')}
          </p>
        ) : null}
        <p className="note">{t('links.oidc.handoffTarget')}</p>
        {draft.clients.map((client, index) => (
          <ClientFields
            key={index}
            index={index}
            client={client}
            onChange={(changed) => setClient(index, changed)}
            onRemove={() => setClient(index, null)}
          />
        ))}
        <ErrorBanner message={error} />
        <Notice message={notice} />
        <div className="form-actions">
          <button
            type="button"
            className="button button-small"
            data-testid="oidc-add-client"
            onClick={() => setDraft({ ...draft, clients: [...draft.clients, blankClient] })}
          >
            {t('links.oidc.addClient')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="oidc-save">
            {t('links.oidc.save')}
          </button>
        </div>
      </form>
    </Section>
  )
}
