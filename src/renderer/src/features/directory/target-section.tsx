import type { ReactNode } from 'react'
import { directorySecretNames } from '../../../../shared/model/directory-config'
import { Section } from '../../components/section'
import { useT } from '../../i18n'
import type { DirectoryDraft, LdapTargetDraft, ScimDraft, TargetKind } from './config-draft'
import { ConnectionCheck } from './connection-check'
import { CheckboxRow, NumberRow, RadioRow, TextRow } from './directory-fields'
import { LdapConnectionFields } from './ldap-connection-fields'
import { SecretRows } from './secret-fields'

function LdapTargetFields({
  ldap,
  onChange,
}: {
  ldap: LdapTargetDraft
  onChange: (patch: Partial<LdapTargetDraft>) => void
}): ReactNode {
  const t = useT()
  return (
    <>
      <LdapConnectionFields
        path="targetLdap"
        value={ldap}
        onChange={onChange}
        passwordName={directorySecretNames.targetLdapPassword}
      />
      <TextRow
        path="targetLdap.usersDn"
        label={t('directory.target.usersDn')}
        hint={t('directory.target.usersDnHint')}
        size="wide"
        placeholder="ou=users,dc=chat,dc=example,dc=co,dc=jp"
        value={ldap.usersDn}
        onChange={(usersDn) => onChange({ usersDn })}
      />
      <TextRow
        path="targetLdap.suspendedDn"
        label={t('directory.target.suspendedDn')}
        hint={t('directory.target.suspendedDnHint')}
        size="wide"
        placeholder="ou=suspended,dc=chat,dc=example,dc=co,dc=jp"
        value={ldap.suspendedDn}
        onChange={(suspendedDn) => onChange({ suspendedDn })}
      />
      <TextRow
        path="targetLdap.groupsDn"
        label={t('directory.target.groupsDn')}
        hint={t('directory.target.groupsDnHint')}
        size="wide"
        value={ldap.groupsDn}
        onChange={(groupsDn) => onChange({ groupsDn })}
      />
      <RadioRow
        path="targetLdap.departmentsAs"
        label={t('directory.target.departmentsAs')}
        options={[
          { value: 'attribute', label: t('directory.target.departmentsAs.attribute') },
          { value: 'ou', label: t('directory.target.departmentsAs.ou') },
        ]}
        value={ldap.departmentsAs}
        onChange={(departmentsAs) => onChange({ departmentsAs })}
      />
    </>
  )
}

function ScimFields({
  scim,
  onChange,
}: {
  scim: ScimDraft
  onChange: (patch: Partial<ScimDraft>) => void
}): ReactNode {
  const t = useT()
  return (
    <>
      <TextRow
        path="scim.baseUrl"
        label={t('directory.scim.baseUrl')}
        hint={t('directory.scim.baseUrlHint')}
        size="wide"
        placeholder="https://chat.example.co.jp/scim/v2"
        value={scim.baseUrl}
        onChange={(baseUrl) => onChange({ baseUrl })}
      />
      <SecretRows name={directorySecretNames.targetScimToken} label={t('directory.scim.token')} />
      <CheckboxRow
        path="scim.verifyCertificate"
        label={t('directory.ldap.certificate')}
        text={t('directory.verifyCertificate')}
        checked={scim.verifyCertificate}
        onChange={(verifyCertificate) => onChange({ verifyCertificate })}
      >
        {scim.verifyCertificate ? null : <p className="warning-text">{t('directory.noVerifyWarning')}</p>}
      </CheckboxRow>
      <CheckboxRow
        path="scim.provisionGroups"
        label={t('directory.scim.groups')}
        text={t('directory.scim.provisionGroups')}
        checked={scim.provisionGroups}
        onChange={(provisionGroups) => onChange({ provisionGroups })}
      />
      <NumberRow
        path="scim.timeoutSeconds"
        label={t('directory.timeout')}
        unit={t('directory.unit.seconds')}
        min={1}
        max={300}
        value={scim.timeoutSeconds}
        onChange={(timeoutSeconds) => onChange({ timeoutSeconds })}
      />
    </>
  )
}

interface DraftSectionProps {
  readonly draft: DirectoryDraft
  readonly onChange: (draft: DirectoryDraft) => void
  readonly dirty: boolean
}

/** 反映先: the server that gets the accounts (a chat or forum's LDAP, or a SCIM 2.0 service). */
export function TargetSection({ draft, onChange, dirty }: DraftSectionProps): ReactNode {
  const t = useT()
  const kinds: readonly { value: TargetKind; label: string }[] = [
    { value: 'none', label: t('directory.target.none') },
    { value: 'ldap', label: 'LDAP' },
    { value: 'scim', label: 'SCIM 2.0' },
  ]
  return (
    <Section title={t('directory.target')} testId="directory-target">
      <p className="note">{t('directory.target.intro')}</p>
      <table className="form-table">
        <tbody>
          <RadioRow
            path="targetKind"
            label={t('directory.target.kind')}
            options={kinds}
            value={draft.targetKind}
            onChange={(targetKind) => onChange({ ...draft, targetKind })}
          />
          {draft.targetKind === 'ldap' ? (
            <LdapTargetFields
              ldap={draft.targetLdap}
              onChange={(patch) => onChange({ ...draft, targetLdap: { ...draft.targetLdap, ...patch } })}
            />
          ) : null}
          {draft.targetKind === 'scim' ? (
            <ScimFields
              scim={draft.scim}
              onChange={(patch) => onChange({ ...draft, scim: { ...draft.scim, ...patch } })}
            />
          ) : null}
          {draft.targetKind !== 'none' ? (
            <SecretRows
              name={directorySecretNames.initialPassword}
              label={t('directory.initialPassword')}
              confirmLabel={t('directory.initialPasswordConfirm')}
            />
          ) : null}
        </tbody>
      </table>
      {draft.targetKind !== 'none' ? (
        <>
          <p className="note">{t('directory.initialPasswordHint')}</p>
          <ConnectionCheck side="target" draft={draft} dirty={dirty} />
        </>
      ) : null}
    </Section>
  )
}
