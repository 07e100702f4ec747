import type { ReactNode } from 'react'
import { useState } from 'react'
import {
  noticeSourceKinds,
  type NoticeSourceConfig,
  type NoticeSourceKind,
  type NoticeSourceView,
} from '../../../../shared/model/notices'
import { FormDialog } from '../../components/modal-dialog'
import { useT } from '../../i18n'
import { api } from '../../lib/api'
import { CopyableUrl } from '../links/copyable-url'
import { CheckRow, IdRow, SelectRow, TextFieldRow } from '../../components/field-rows'
import { generateSourceSecret } from './source-secret'
import { newXmppAccount, type XmppAccount } from './xmpp-account'
import { XmppRows } from './xmpp-rows'

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
  const [source, setSource] = useState<NoticeSourceConfig>(props.view?.source ?? blank)
  const [secret, setSecret] = useState<string | null>(null)
  const set =
    <K extends keyof NoticeSourceConfig>(key: K) =>
    (value: NoticeSourceConfig[K]) =>
      setSource((s) => ({ ...s, [key]: value }))
  const xmpp = source.xmpp ?? newXmppAccount
  const setXmpp = (key: keyof XmppAccount) => (value: string) =>
    setSource((s) => ({ ...s, xmpp: { ...xmpp, [key]: value } }))
  const save = async (): Promise<void> => {
    const { xmpp: _otherKinds, ...rest } = source
    const saved = await api['notice.sources.save']({
      source: source.kind === 'xmpp' ? { ...rest, xmpp } : rest,
      ...(secret ? { secret } : {}),
    })
    props.onSaved(saved)
  }
  return (
    <FormDialog
      title={t(props.view ? 'notices.sources.edit' : 'notices.sources.add')}
      testId="source-dialog"
      className="notice-dialog"
      tableClassName="notice-form"
      onClose={props.onClose}
      save={save}
      saveTestId="source-save"
      labels={{ save: t('notices.save'), cancel: t('notices.cancel'), saving: t('notices.saving') }}
      rows={
        <>
          <IdRow
            label={t('notices.targets.id')}
            value={source.id}
            fixed={props.view !== null}
            testId="source-id"
            hint={t('notices.targets.idHint')}
            placeholder="neo"
            onChange={set('id')}
          />
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
            <XmppRows account={xmpp} testIdPrefix="source-xmpp" onChange={setXmpp} />
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
        </>
      }
      below={
        secret && source.kind !== 'xmpp' ? (
          <CopyableUrl
            label={t('notices.sources.newSecret')}
            url={secret}
            testId="source-secret"
            note={t('notices.sources.secretOnce')}
          />
        ) : null
      }
    />
  )
}
