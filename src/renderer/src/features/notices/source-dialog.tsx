import type { FormEvent, ReactNode } from 'react'
import { useEffect, useRef, useState } from 'react'
import type { Localized } from '../../../../shared/model/localized'
import {
  noticeSourceKinds,
  type NoticeSourceConfig,
  type NoticeSourceKind,
  type NoticeSourceView,
} from '../../../../shared/model/notices'
import { Busy, ErrorBanner } from '../../components/messages'
import { useT } from '../../i18n'
import { api } from '../../lib/api'
import { toLocalized } from '../../lib/errors'
import { CopyableUrl } from '../links/copyable-url'
import { CheckRow, SelectRow, TextFieldRow } from '../../components/field-rows'
import { generateSourceSecret } from './source-secret'

const blank: NoticeSourceConfig = { id: '', name: '', kind: 'events', enabled: true }

/**
 * Adds or edits an inbound source. 「生成」 makes the secret here (32 random bytes, base64url) and shows it
 * once to copy into the groupware; saving moves it to the keychain and it is never shown again.
 */
export function SourceDialog(props: {
  readonly view: NoticeSourceView | null
  readonly onSaved: (view: NoticeSourceView) => void
  readonly onClose: () => void
}): ReactNode {
  const t = useT()
  const ref = useRef<HTMLDialogElement>(null)
  const [source, setSource] = useState<NoticeSourceConfig>(props.view?.source ?? blank)
  const [secret, setSecret] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<Localized | null>(null)
  useEffect(() => {
    if (ref.current && !ref.current.open) ref.current.showModal()
  }, [])
  const set =
    <K extends keyof NoticeSourceConfig>(key: K) =>
    (value: NoticeSourceConfig[K]) =>
      setSource((s) => ({ ...s, [key]: value }))
  const xmpp = source.xmpp ?? { service: 'xmpp://chat.example.co.jp:5222', domain: '', username: '' }
  const setXmpp = (key: keyof typeof xmpp) => (value: string) =>
    setSource((s) => ({ ...s, xmpp: { ...xmpp, [key]: value } }))
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    setSaving(true)
    setError(null)
    const { xmpp: xmppBlock, ...rest } = source
    api['notice.sources.save']({
      source: source.kind === 'xmpp' ? { ...rest, xmpp: xmppBlock ?? xmpp } : rest,
      ...(secret ? { secret } : {}),
    })
      .then((view) => {
        props.onSaved(view)
        ref.current?.close()
      })
      .catch((caught: unknown) => setError(toLocalized(caught)))
      .finally(() => setSaving(false))
  }
  const editing = props.view !== null
  return (
    <dialog
      ref={ref}
      className="rule-dialog notice-dialog"
      aria-labelledby="source-dialog-title"
      data-testid="source-dialog"
      onClose={props.onClose}
    >
      <h2 id="source-dialog-title">{t(editing ? 'notices.sources.edit' : 'notices.sources.add')}</h2>
      <form noValidate onSubmit={submit}>
        <table className="form-table notice-form">
          <tbody>
            {editing ? (
              <tr>
                <th scope="row">{t('notices.targets.id')}</th>
                <td>
                  <code>{source.id}</code>
                </td>
              </tr>
            ) : (
              <TextFieldRow
                label={t('notices.targets.id')}
                value={source.id}
                testId="source-id"
                hint={t('notices.targets.idHint')}
                placeholder="neo"
                onChange={set('id')}
              />
            )}
            <TextFieldRow
              label={t('notices.targets.name')}
              value={source.name}
              testId="source-name"
              onChange={set('name')}
            />
            <SelectRow
              label={t('notices.sources.kind')}
              value={source.kind}
              testId="source-kind"
              options={noticeSourceKinds.map((k) => [k, t(`notices.sourceKind.${k}`)] as const)}
              onChange={(k: NoticeSourceKind) => set('kind')(k)}
            />
            <CheckRow
              label={t('notices.targets.enabled')}
              text={t('notices.sources.enabledText')}
              checked={source.enabled}
              testId="source-enabled"
              onChange={set('enabled')}
            />
            {source.kind === 'xmpp' ? (
              <>
                <TextFieldRow
                  label={t('notices.xmpp.service')}
                  value={xmpp.service}
                  testId="source-xmpp-service"
                  hint={t('notices.xmpp.serviceHint')}
                  onChange={setXmpp('service')}
                />
                <TextFieldRow
                  label={t('notices.xmpp.domain')}
                  value={xmpp.domain}
                  testId="source-xmpp-domain"
                  onChange={setXmpp('domain')}
                />
                <TextFieldRow
                  label={t('notices.xmpp.username')}
                  value={xmpp.username}
                  testId="source-xmpp-username"
                  onChange={setXmpp('username')}
                />
              </>
            ) : null}
            <tr>
              <th scope="row">
                {t(source.kind === 'xmpp' ? 'notices.sources.password' : 'notices.sources.secret')}
              </th>
              <td>
                <span className="secret-line">
                  <span
                    className={props.view?.secretStored ? 'state state-set' : 'state state-unset'}
                    data-testid="source-secret-state"
                  >
                    {t(props.view?.secretStored ? 'notices.secret.stored' : 'notices.secret.notStored')}
                  </span>
                  {source.kind === 'xmpp' ? (
                    <input
                      type="password"
                      autoComplete="new-password"
                      value={secret ?? ''}
                      data-testid="source-password"
                      aria-label={t('notices.sources.password')}
                      onChange={(e) => setSecret(e.target.value || null)}
                    />
                  ) : (
                    <button
                      type="button"
                      className="button button-small"
                      data-testid="source-generate"
                      onClick={() => setSecret(generateSourceSecret())}
                    >
                      {t('notices.sources.generate')}
                    </button>
                  )}
                </span>
              </td>
            </tr>
          </tbody>
        </table>
        {secret && source.kind !== 'xmpp' ? (
          <CopyableUrl
            label={t('notices.sources.newSecret')}
            url={secret}
            testId="source-secret"
            note={t('notices.sources.secretOnce')}
          />
        ) : null}
        <ErrorBanner message={error} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving} data-testid="source-save">
            {t('notices.save')}
          </button>
          <button type="button" className="button" disabled={saving} onClick={() => ref.current?.close()}>
            {t('notices.cancel')}
          </button>
          {saving ? <Busy label={t('notices.saving')} /> : null}
        </div>
      </form>
    </dialog>
  )
}
