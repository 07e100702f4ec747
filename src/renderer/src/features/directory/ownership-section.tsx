import type { ReactNode } from 'react'
import { adoptionMatches } from '../../../../shared/model/directory-config'
import { Section } from '../../components/section'
import { useT } from '../../i18n'
import type { DirectoryDraft, OwnershipDraft } from './config-draft'
import { CheckboxGroupRow, TextAreaRow } from './directory-fields'

interface OwnershipSectionProps {
  readonly draft: DirectoryDraft
  readonly onChange: (draft: DirectoryDraft) => void
}

/** 管理対象: how existing accounts are matched for adoption, and the accounts Renkei must never touch. */
export function OwnershipSection({ draft, onChange }: OwnershipSectionProps): ReactNode {
  const t = useT()
  if (draft.targetKind === 'none') return null
  const o = draft.ownership
  const edit = (patch: Partial<OwnershipDraft>): void => onChange({ ...draft, ownership: { ...o, ...patch } })
  return (
    <Section title={t('directory.ownership')} testId="directory-ownership">
      <p className="note">{t('directory.ownership.intro')}</p>
      <table className="form-table">
        <tbody>
          <CheckboxGroupRow
            path="adoptBy"
            label={t('directory.ownership.adoptBy')}
            hint={t('directory.ownership.adoptByHint')}
            options={adoptionMatches.map((value) => ({
              value,
              label: t(`directory.ownership.match.${value}`),
            }))}
            value={o.adoptBy}
            onChange={(adoptBy) => edit({ adoptBy })}
          />
          <TextAreaRow
            path="exclusions.logins"
            label={t('directory.ownership.excludeLogins')}
            hint={t('directory.ownership.excludeLoginsHint')}
            value={o.excludeLogins}
            onChange={(excludeLogins) => edit({ excludeLogins })}
          />
          {draft.targetKind === 'ldap' ? (
            <TextAreaRow
              path="exclusions.branches"
              label={t('directory.ownership.excludeBranches')}
              hint={t('directory.ownership.excludeBranchesHint')}
              value={o.excludeBranches}
              onChange={(excludeBranches) => edit({ excludeBranches })}
            />
          ) : null}
          <TextAreaRow
            path="exclusions.groups"
            label={t('directory.ownership.excludeGroups')}
            hint={t('directory.ownership.excludeGroupsHint')}
            value={o.excludeGroups}
            onChange={(excludeGroups) => edit({ excludeGroups })}
          />
        </tbody>
      </table>
    </Section>
  )
}
