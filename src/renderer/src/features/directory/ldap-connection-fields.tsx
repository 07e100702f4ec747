import type { ReactNode } from 'react'
import { useT } from '../../i18n'
import type { LdapConnectionDraft, LdapSecurity } from './config-draft'
import { CheckboxRow, NumberRow, RadioRow, TextRow } from './directory-fields'
import { SecretRows } from './secret-fields'

interface LdapConnectionFieldsProps {
  /** Draft path: 'sourceLdap' or 'targetLdap'. */
  readonly path: string
  readonly value: LdapConnectionDraft
  readonly onChange: (patch: Partial<LdapConnectionDraft>) => void
  /** Keychain name of this connection's bind password. */
  readonly passwordName: string
}

/** Server, encryption, certificate check and bind account: the same for an LDAP source and target. */
export function LdapConnectionFields({
  path,
  value,
  onChange,
  passwordName,
}: LdapConnectionFieldsProps): ReactNode {
  const t = useT()
  const security: readonly { value: LdapSecurity; label: string }[] = [
    { value: 'ldaps', label: t('directory.ldap.security.ldaps') },
    { value: 'starttls', label: t('directory.ldap.security.starttls') },
    { value: 'plain', label: t('directory.ldap.security.plain') },
  ]
  return (
    <>
      <TextRow
        path={`${path}.url`}
        label={t('directory.ldap.url')}
        hint={t('directory.ldap.urlHint')}
        size="wide"
        placeholder="ldaps://ldap.example.co.jp:636"
        value={value.url}
        onChange={(url) => onChange({ url })}
      />
      <RadioRow
        path={`${path}.security`}
        label={t('directory.ldap.security')}
        options={security}
        value={value.security}
        onChange={(s) => onChange({ security: s })}
      />
      {value.security === 'plain' ? (
        <CheckboxRow
          path={`${path}.allowPlain`}
          label={t('directory.ldap.allowPlain')}
          text={t('directory.ldap.allowPlainText')}
          checked={value.allowPlain}
          onChange={(allowPlain) => onChange({ allowPlain })}
        >
          <p className="warning-text" role="note" data-testid="plain-warning">
            {t('directory.ldap.plainWarning')}
          </p>
        </CheckboxRow>
      ) : null}
      <CheckboxRow
        path={`${path}.verifyCertificate`}
        label={t('directory.ldap.certificate')}
        text={t('directory.verifyCertificate')}
        checked={value.verifyCertificate}
        onChange={(verifyCertificate) => onChange({ verifyCertificate })}
      >
        {value.verifyCertificate ? null : <p className="warning-text">{t('directory.noVerifyWarning')}</p>}
      </CheckboxRow>
      <TextRow
        path={`${path}.bindDn`}
        label={t('directory.ldap.bindDn')}
        size="wide"
        placeholder="cn=renkei,ou=system,dc=example,dc=co,dc=jp"
        value={value.bindDn}
        onChange={(bindDn) => onChange({ bindDn })}
      />
      <SecretRows name={passwordName} label={t('directory.ldap.bindPassword')} />
      <NumberRow
        path={`${path}.timeoutSeconds`}
        label={t('directory.timeout')}
        unit={t('directory.unit.seconds')}
        min={1}
        max={300}
        value={value.timeoutSeconds}
        onChange={(timeoutSeconds) => onChange({ timeoutSeconds })}
      />
    </>
  )
}
