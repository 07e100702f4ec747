import type { ReactNode } from 'react'
import { directorySecretNames } from '../../../../shared/model/directory-config'
import { ldapPresetDefaults, type LdapSourcePreset } from '../../../../shared/model/ldap-presets'
import type { Translate } from '../../i18n'
import { useT } from '../../i18n'
import type { LdapAttributeField, LdapSourceDraft } from './config-draft'
import { CheckboxRow, NumberRow, RadioRow, SelectRow, TextRow } from './directory-fields'
import { LdapConnectionFields } from './ldap-connection-fields'
import { MappingTable } from './mapping-table'

function attributeLabels(t: Translate): Record<LdapAttributeField, string> {
  const keys = Object.keys(ldapPresetDefaults.generic.attributes) as LdapAttributeField[]
  return Object.fromEntries(keys.map((k) => [k, t(`directory.attr.${k}`)])) as Record<
    LdapAttributeField,
    string
  >
}

/**
 * A preset fills the filters, the mapping and the inactive rule with its flavour's values (AD:
 * objectGUID, sAMAccountName, userAccountControl...); the connection stays as typed.
 */
function presetPatch(name: LdapSourcePreset): Partial<LdapSourceDraft> {
  const chosen = ldapPresetDefaults[name]
  return {
    preset: name,
    userFilter: chosen.userFilter,
    groupFilter: chosen.groupFilter,
    departmentsFrom: chosen.departmentsFrom,
    nestedGroups: chosen.nestedGroups,
    pageSize: String(chosen.pageSize),
    attributes: { ...chosen.attributes },
    inactive: { ...chosen.inactive },
  }
}

function InactiveRows({
  ldap,
  onChange,
}: {
  ldap: LdapSourceDraft
  onChange: (patch: Partial<LdapSourceDraft>) => void
}): ReactNode {
  const t = useT()
  const set = (patch: Partial<LdapSourceDraft['inactive']>): void =>
    onChange({ inactive: { ...ldap.inactive, ...patch } })
  return (
    <>
      <TextRow
        path="sourceLdap.inactive.attribute"
        label={t('directory.ldap.inactiveAttribute')}
        hint={t('directory.ldap.inactiveAttributeHint')}
        maxLength={100}
        value={ldap.inactive.attribute}
        onChange={(attribute) => set({ attribute })}
      />
      {ldap.inactive.attribute.trim() === '' ? null : (
        <>
          <RadioRow
            path="sourceLdap.inactive.match"
            label={t('directory.ldap.inactiveMatch')}
            options={[
              { value: 'bits', label: t('directory.ldap.inactiveMatch.bits') },
              { value: 'equals', label: t('directory.ldap.inactiveMatch.equals') },
            ]}
            value={ldap.inactive.match}
            onChange={(match) => set({ match })}
          />
          <TextRow
            path="sourceLdap.inactive.value"
            label={t('directory.ldap.inactiveValue')}
            size="short"
            maxLength={100}
            value={ldap.inactive.value}
            onChange={(value) => set({ value })}
          />
        </>
      )}
    </>
  )
}

/** The LDAP source form: flavour, connection, where people and groups are, and how to read them. */
export function LdapSourceFields({
  ldap,
  onChange,
}: {
  ldap: LdapSourceDraft
  onChange: (patch: Partial<LdapSourceDraft>) => void
}): ReactNode {
  const t = useT()
  const defaults = ldapPresetDefaults[ldap.preset]
  return (
    <>
      <table className="form-table">
        <tbody>
          <SelectRow
            path="sourceLdap.preset"
            label={t('directory.ldap.preset')}
            hint={t('directory.ldap.presetHint')}
            options={[
              { value: 'generic', label: t('directory.ldap.preset.generic') },
              { value: 'active-directory', label: 'Active Directory' },
            ]}
            value={ldap.preset}
            onChange={(name) => onChange(presetPatch(name))}
          />
          <LdapConnectionFields
            path="sourceLdap"
            value={ldap}
            onChange={onChange}
            passwordName={directorySecretNames.sourceLdapPassword}
          />
          <TextRow
            path="sourceLdap.baseDn"
            label={t('directory.ldap.baseDn')}
            size="wide"
            placeholder={
              ldap.preset === 'active-directory'
                ? 'DC=example,DC=co,DC=jp'
                : 'ou=people,dc=example,dc=co,dc=jp'
            }
            value={ldap.baseDn}
            onChange={(baseDn) => onChange({ baseDn })}
          />
          <TextRow
            path="sourceLdap.userFilter"
            label={t('directory.ldap.userFilter')}
            size="wide"
            maxLength={2000}
            value={ldap.userFilter}
            onChange={(userFilter) => onChange({ userFilter })}
          />
          <InactiveRows ldap={ldap} onChange={onChange} />
          <TextRow
            path="sourceLdap.groupBaseDn"
            label={t('directory.ldap.groupBaseDn')}
            hint={t('directory.ldap.groupBaseDnHint')}
            size="wide"
            value={ldap.groupBaseDn}
            onChange={(groupBaseDn) => onChange({ groupBaseDn })}
          />
          <TextRow
            path="sourceLdap.groupFilter"
            label={t('directory.ldap.groupFilter')}
            size="wide"
            maxLength={2000}
            value={ldap.groupFilter}
            onChange={(groupFilter) => onChange({ groupFilter })}
          />
          <CheckboxRow
            path="sourceLdap.nestedGroups"
            label={t('directory.ldap.nestedGroups')}
            text={t('directory.ldap.nestedGroupsText')}
            checked={ldap.nestedGroups}
            onChange={(nestedGroups) => onChange({ nestedGroups })}
          />
          <RadioRow
            path="sourceLdap.departmentsFrom"
            label={t('directory.ldap.departmentsFrom')}
            options={[
              { value: 'attribute', label: t('directory.ldap.departmentsFrom.attribute') },
              { value: 'ou', label: t('directory.ldap.departmentsFrom.ou') },
            ]}
            value={ldap.departmentsFrom}
            onChange={(departmentsFrom) => onChange({ departmentsFrom })}
          />
          <NumberRow
            path="sourceLdap.pageSize"
            label={t('directory.ldap.pageSize')}
            hint={t('directory.ldap.pageSizeHint')}
            min={10}
            max={5000}
            value={ldap.pageSize}
            onChange={(pageSize) => onChange({ pageSize })}
          />
        </tbody>
      </table>
      <MappingTable
        path="sourceLdap.attributes"
        title={t('directory.ldap.attributesMapping')}
        valueHeader={t('directory.ldap.attribute')}
        labels={attributeLabels(t)}
        values={ldap.attributes}
        defaults={defaults.attributes}
        onChange={(key, value) => onChange({ attributes: { ...ldap.attributes, [key]: value } })}
      />
    </>
  )
}
