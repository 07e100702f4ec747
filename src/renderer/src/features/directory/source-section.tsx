import type { ReactNode } from 'react'
import { csvPresetDefaults, type CsvPreset } from '../../../../shared/model/csv-presets'
import { Section } from '../../components/section'
import type { Translate } from '../../i18n'
import { useT } from '../../i18n'
import type { CsvDepartmentField, CsvDraft, CsvUserField, DirectoryDraft, SourceKind } from './config-draft'
import { ConnectionCheck } from './connection-check'
import { CsvHeadersLoader, useCsvHeaders } from './csv-headers'
import { RadioRow, SelectRow, TextRow } from './directory-fields'
import { LdapSourceFields } from './ldap-source-fields'
import { MappingTable } from './mapping-table'

const userDefaults = csvPresetDefaults.generic.users
const departmentDefaults = csvPresetDefaults.generic.departments

function userLabels(t: Translate): Record<CsvUserField, string> {
  const keys = Object.keys(userDefaults) as CsvUserField[]
  return Object.fromEntries(keys.map((k) => [k, t(`directory.userField.${k}`)])) as Record<
    CsvUserField,
    string
  >
}

function departmentLabels(t: Translate): Record<CsvDepartmentField, string> {
  const keys = Object.keys(departmentDefaults) as CsvDepartmentField[]
  return Object.fromEntries(keys.map((k) => [k, t(`directory.deptField.${k}`)])) as Record<
    CsvDepartmentField,
    string
  >
}

function CsvFields({
  csv,
  onChange,
}: {
  csv: CsvDraft
  onChange: (patch: Partial<CsvDraft>) => void
}): ReactNode {
  const t = useT()
  const headers = useCsvHeaders(csv)
  const preset = csvPresetDefaults[csv.preset]
  /** A preset fills the whole mapping and the inactive values; the admin can still edit each. */
  const choosePreset = (name: CsvPreset): void => {
    const chosen = csvPresetDefaults[name]
    onChange({
      preset: name,
      users: { ...chosen.users },
      departments: { ...chosen.departments },
      inactiveValues: chosen.inactiveValues.join(', '),
    })
  }
  return (
    <>
      <table className="form-table">
        <tbody>
          <SelectRow
            path="csv.preset"
            label={t('directory.csv.preset')}
            hint={t('directory.csv.presetHint')}
            options={[
              { value: 'generic', label: t('directory.csv.preset.generic') },
              { value: 'desknets-neo', label: "desknet's NEO" },
            ]}
            value={csv.preset}
            onChange={choosePreset}
          />
          <TextRow
            path="csv.usersFile"
            label={t('directory.csv.usersFile')}
            hint={t('directory.csv.pathHint')}
            size="wide"
            placeholder={'C:\\groupware\\export\\users.csv'}
            value={csv.usersFile}
            onChange={(usersFile) => onChange({ usersFile })}
          />
          <TextRow
            path="csv.departmentsFile"
            label={t('directory.csv.departmentsFile')}
            size="wide"
            placeholder={'C:\\groupware\\export\\departments.csv'}
            value={csv.departmentsFile}
            onChange={(departmentsFile) => onChange({ departmentsFile })}
          />
          <SelectRow
            path="csv.encoding"
            label={t('directory.csv.encoding')}
            options={[
              { value: 'auto', label: t('directory.csv.encoding.auto') },
              { value: 'utf-8', label: 'UTF-8' },
              { value: 'shift_jis', label: 'Shift_JIS' },
            ]}
            value={csv.encoding}
            onChange={(encoding) => onChange({ encoding })}
          />
          <TextRow
            path="csv.listSeparator"
            label={t('directory.csv.listSeparator')}
            hint={t('directory.csv.listSeparatorHint')}
            size="short"
            maxLength={3}
            value={csv.listSeparator}
            onChange={(listSeparator) => onChange({ listSeparator })}
          />
          <TextRow
            path="csv.inactiveValues"
            label={t('directory.csv.inactiveValues')}
            hint={t('directory.csv.inactiveValuesHint')}
            size="wide"
            value={csv.inactiveValues}
            onChange={(inactiveValues) => onChange({ inactiveValues })}
          />
        </tbody>
      </table>
      <CsvHeadersLoader view={headers} />
      <MappingTable
        path="csv.users"
        title={t('directory.csv.usersMapping')}
        valueHeader={t('directory.csv.header')}
        labels={userLabels(t)}
        values={csv.users}
        defaults={preset.users}
        suggestions={headers.detected.users}
        onChange={(key, value) => onChange({ users: { ...csv.users, [key]: value } })}
      />
      <MappingTable
        path="csv.departments"
        title={t('directory.csv.departmentsMapping')}
        valueHeader={t('directory.csv.header')}
        labels={departmentLabels(t)}
        values={csv.departments}
        defaults={preset.departments}
        suggestions={headers.detected.departments}
        onChange={(key, value) => onChange({ departments: { ...csv.departments, [key]: value } })}
      />
    </>
  )
}

interface DraftSectionProps {
  readonly draft: DirectoryDraft
  readonly onChange: (draft: DirectoryDraft) => void
  readonly dirty: boolean
}

/** ソース: where the people come from — the groupware's CSV export or an LDAP directory. */
export function SourceSection({ draft, onChange, dirty }: DraftSectionProps): ReactNode {
  const t = useT()
  const kinds: readonly { value: SourceKind; label: string }[] = [
    { value: 'none', label: t('directory.kind.none') },
    { value: 'csv', label: t('directory.source.csv') },
    { value: 'ldap', label: 'LDAP' },
  ]
  return (
    <Section title={t('directory.source')} testId="directory-source">
      <p className="note">{t('directory.source.intro')}</p>
      <table className="form-table">
        <tbody>
          <RadioRow
            path="sourceKind"
            label={t('directory.source.kind')}
            options={kinds}
            value={draft.sourceKind}
            onChange={(sourceKind) => onChange({ ...draft, sourceKind })}
          />
        </tbody>
      </table>
      {draft.sourceKind === 'csv' ? (
        <CsvFields
          csv={draft.csv}
          onChange={(patch) => onChange({ ...draft, csv: { ...draft.csv, ...patch } })}
        />
      ) : null}
      {draft.sourceKind === 'ldap' ? (
        <LdapSourceFields
          ldap={draft.sourceLdap}
          onChange={(patch) => onChange({ ...draft, sourceLdap: { ...draft.sourceLdap, ...patch } })}
        />
      ) : null}
      {draft.sourceKind !== 'none' ? <ConnectionCheck side="source" draft={draft} dirty={dirty} /> : null}
    </Section>
  )
}
