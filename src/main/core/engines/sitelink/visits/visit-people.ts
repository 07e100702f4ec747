/**
 * A visitor as a visit needs them: the rules' view (`rules/rule-directories.ts`) plus whether they are
 * active and their e-mail (shown to the partner's sign-in). One person at a time.
 */
import type { DirectoryEmployee } from '../../../../../shared/model/directory'
import type { LinkEmployee } from '../../../../../shared/model/sitelink-exchange'
import type { HomeDirectoryRepository } from '../../../directory/home-directory-repository'
import { recordId } from '../../../directory/home-diff'
import type { Db } from '../../../store/database'
import type { RuleDirectory, RulePerson } from '../rules/rule-directories'

export interface VisitPerson extends RulePerson {
  readonly email: string | null
  readonly active: boolean
}

type Contact = Pick<LinkEmployee | DirectoryEmployee, 'email' | 'active'>

function withContact(person: RulePerson | null, contact: Contact | undefined): VisitPerson | null {
  return person && contact ? { ...person, email: contact.email, active: contact.active } : null
}

export function homeVisitor(
  home: HomeDirectoryRepository,
  directory: RuleDirectory,
  key: string,
): VisitPerson | null {
  const id = recordId('employee', key)
  return withContact(directory.person(key), home.objects([id]).get(id) as DirectoryEmployee | undefined)
}

export function partnerVisitor(
  db: Db,
  linkId: string,
  directory: RuleDirectory,
  key: string,
): VisitPerson | null {
  const data = db
    .prepare(`SELECT data FROM partner_items WHERE link_id = ? AND kind = 'employee' AND key = ?`)
    .pluck()
    .get(linkId, key) as string | undefined
  return withContact(
    directory.person(key),
    data === undefined ? undefined : (JSON.parse(data) as LinkEmployee),
  )
}
