import type { ReactNode } from 'react'
import { useState } from 'react'
import {
  noticeCharsets,
  noticeMessageLanguages,
  noticeTargetRoles,
  type NoticeTargetView,
  noticeSecretsOfKind,
} from '../../../../shared/model/notices'
import { FormDialog } from '../../components/modal-dialog'
import { useT } from '../../i18n'
import { api } from '../../lib/api'
import { CheckRow, IdRow, NumberRow, SelectRow, TextAreaRow, TextFieldRow } from '../../components/field-rows'
import { targetKindLabel } from './notice-labels'
import { targetInputOf, type SecretEdits, type TargetDraft } from './target-draft'
import { TargetSecretRow } from './target-secret-row'
import { XmppRows } from './xmpp-rows'

function KindFields({
  draft,
  set,
}: {
  readonly draft: TargetDraft
  readonly set: <K extends keyof TargetDraft>(key: K) => (value: TargetDraft[K]) => void
}): ReactNode {
  const t = useT()
  if (draft.kind === 'smtp') {
    return (
      <>
        <TextFieldRow
          label={t('notices.smtp.host')}
          value={draft.smtpHost}
          testId="target-smtp-host"
          placeholder="smtp.example.co.jp"
          onChange={set('smtpHost')}
        />
        <NumberRow
          label={t('notices.smtp.port')}
          value={draft.smtpPort}
          testId="target-smtp-port"
          min={1}
          max={65535}
          onChange={set('smtpPort')}
        />
        <SelectRow
          label={t('notices.smtp.security')}
          value={draft.smtpSecurity}
          testId="target-smtp-security"
          options={[
            ['starttls', 'STARTTLS'],
            ['tls', 'TLS (SMTPS)'],
            ['none', t('notices.smtp.securityNone')],
          ]}
          onChange={set('smtpSecurity')}
        />
        <TextFieldRow
          label={t('notices.smtp.username')}
          value={draft.smtpUsername}
          testId="target-smtp-username"
          hint={t('notices.smtp.usernameHint')}
          onChange={set('smtpUsername')}
        />
        <TextFieldRow
          label={t('notices.smtp.from')}
          value={draft.smtpFrom}
          testId="target-smtp-from"
          placeholder="renkei@example.co.jp"
          onChange={set('smtpFrom')}
        />
        <SelectRow
          label={t('notices.smtp.charset')}
          value={draft.smtpCharset}
          testId="target-smtp-charset"
          hint={t('notices.smtp.charsetHint')}
          options={noticeCharsets.map((c) => [c, c === 'utf-8' ? 'UTF-8' : 'ISO-2022-JP'] as const)}
          onChange={set('smtpCharset')}
        />
        <TextAreaRow
          label={t('notices.smtp.certificate')}
          value={draft.smtpCertificate}
          testId="target-smtp-certificate"
          rows={3}
          hint={t('notices.smtp.certificateHint')}
          placeholder="-----BEGIN CERTIFICATE-----"
          onChange={set('smtpCertificate')}
        />
      </>
    )
  }
  if (draft.kind === 'xmpp') {
    return (
      <XmppRows
        account={draft.xmpp}
        testIdPrefix="target-xmpp"
        onChange={(key) => (value) => set('xmpp')({ ...draft.xmpp, [key]: value })}
      />
    )
  }
  if (draft.kind === 'chatwork') {
    return (
      <TextFieldRow
        label={t('notices.chatwork.apiBase')}
        value={draft.chatworkApiBase}
        testId="target-chatwork-api"
        onChange={set('chatworkApiBase')}
      />
    )
  }
  return null
}

/**
 * Adds or edits one target: the fields of its kind, its keychain secrets as 「保存済み」 with replace and
 * remove, recipient pattern, digest and rate. The core checks it whole; its refusal stays in the dialog.
 */
export function TargetDialog(props: {
  readonly draft: TargetDraft
  readonly view: NoticeTargetView | null
  readonly onSaved: (view: NoticeTargetView) => void
  readonly onClose: () => void
}): ReactNode {
  const t = useT()
  const [draft, setDraft] = useState(props.draft)
  const [secrets, setSecrets] = useState<SecretEdits>({})
  const set =
    <K extends keyof TargetDraft>(key: K) =>
    (value: TargetDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }))
  const save = async (): Promise<void> => {
    const typed: SecretEdits = Object.fromEntries(Object.entries(secrets).filter(([, v]) => v !== undefined))
    props.onSaved(await api['notice.targets.save']({ target: targetInputOf(draft), secrets: typed }))
  }
  return (
    <FormDialog
      title={`${t(props.view ? 'notices.targets.edit' : 'notices.targets.add')}: ${t(targetKindLabel(draft.kind))}`}
      testId="target-dialog"
      className="notice-dialog"
      tableClassName="notice-form"
      onClose={props.onClose}
      save={save}
      saveTestId="target-save"
      labels={{ save: t('notices.save'), cancel: t('notices.cancel'), saving: t('notices.saving') }}
      rows={
        <>
          <IdRow
            label={t('notices.targets.id')}
            value={draft.id}
            fixed={props.view !== null}
            testId="target-id"
            hint={t('notices.targets.idHint')}
            placeholder="mail"
            onChange={set('id')}
          />
          <TextFieldRow
            label={t('notices.targets.name')}
            value={draft.name}
            testId="target-name"
            onChange={set('name')}
          />
          <CheckRow
            label={t('notices.targets.enabled')}
            text={t('notices.targets.enabledText')}
            checked={draft.enabled}
            testId="target-enabled"
            onChange={set('enabled')}
          />
          <SelectRow
            label={t('notices.targets.role')}
            value={draft.role}
            testId="target-role"
            options={noticeTargetRoles.map((r) => [r, t(`notices.role.${r}`)] as const)}
            onChange={set('role')}
          />
          <SelectRow
            label={t('notices.targets.language')}
            value={draft.language}
            testId="target-language"
            options={noticeMessageLanguages.map((l) => [l, t(`notices.language.${l}`)] as const)}
            onChange={set('language')}
          />
          <KindFields draft={draft} set={set} />
          {noticeSecretsOfKind[draft.kind].map((name) => (
            <TargetSecretRow
              key={name}
              name={name}
              stored={props.view?.secrets[name] === true}
              edit={secrets[name]}
              onEdit={(edit) => setSecrets((s) => ({ ...s, [name]: edit }))}
            />
          ))}
          <TextFieldRow
            label={t('notices.targets.recipient')}
            value={draft.recipient}
            testId="target-recipient"
            hint={t('notices.targets.recipientHint')}
            onChange={set('recipient')}
          />
          <NumberRow
            label={t('notices.targets.digest')}
            value={draft.digestMinutes}
            testId="target-digest"
            min={0}
            max={1440}
            hint={t('notices.targets.digestHint')}
            onChange={set('digestMinutes')}
          />
          <NumberRow
            label={t('notices.targets.rate')}
            value={draft.ratePerMinute}
            testId="target-rate"
            min={1}
            max={6000}
            hint={t('notices.targets.rateHint')}
            onChange={set('ratePerMinute')}
          />
        </>
      }
    />
  )
}
