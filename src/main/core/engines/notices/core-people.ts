import type { DirectoryEmployee } from '../../../../shared/model/directory'
import type { NoticeContext } from './notice-context'

/** An employee as the relay needs them: who, how to reach them, where they sit (for opt-in rules). */
export interface NoticePerson {
  readonly key: string
  readonly login: string
  readonly name: string
  readonly email: string | null
  readonly department: string | null
  readonly groups: readonly string[]
  readonly active: boolean
}

/** The home directory indexed for the intake and the opt-in rules. */
export interface PeopleIndex {
  readonly byKey: ReadonlyMap<string, NoticePerson>
  /** Lower-cased logins and e-mail addresses: addressees match them case-insensitively. */
  readonly byLogin: ReadonlyMap<string, NoticePerson>
  readonly byEmail: ReadonlyMap<string, NoticePerson>
  /** Department code → its parent (null at the top). */
  readonly parents: ReadonlyMap<string, string | null>
  readonly groups: ReadonlySet<string>
}

function person(e: DirectoryEmployee): NoticePerson {
  return {
    key: e.key,
    login: e.login,
    name: e.nameJa,
    email: e.email,
    department: e.mainDepartment,
    groups: e.groups,
    active: e.active,
  }
}

/**
 * The index, built once per home import (5,000 people × many events must not re-read the directory per
 * event). Rebuilt when the import stamp moves or another process committed to the database (the CLI).
 */
export function createPeopleIndex(ctx: Pick<NoticeContext, 'db' | 'home'>): () => PeopleIndex {
  let built: { stamp: string; index: PeopleIndex } | null = null
  return () => {
    const stamp = `${ctx.home.importedAt()}|${String(ctx.db.pragma('data_version', { simple: true }))}`
    if (built?.stamp === stamp) return built.index
    const snapshot = ctx.home.snapshot()
    const byKey = new Map<string, NoticePerson>()
    const byLogin = new Map<string, NoticePerson>()
    const byEmail = new Map<string, NoticePerson>()
    for (const e of snapshot.employees) {
      const p = person(e)
      byKey.set(p.key, p)
      if (p.login && !byLogin.has(p.login.toLowerCase())) byLogin.set(p.login.toLowerCase(), p)
      if (p.email && !byEmail.has(p.email.toLowerCase())) byEmail.set(p.email.toLowerCase(), p)
    }
    const parents = new Map(snapshot.departments.map((d) => [d.code, d.parent] as const))
    const groups = new Set(snapshot.groups.map((g) => g.code))
    built = { stamp, index: { byKey, byLogin, byEmail, parents, groups } }
    return built.index
  }
}

/** An addressee as given (employee key, then login, then e-mail, case-insensitive) → the person, or null. */
export function findAddressee(index: PeopleIndex, given: string): NoticePerson | null {
  const text = given.trim()
  return (
    index.byKey.get(text) ??
    index.byLogin.get(text.toLowerCase()) ??
    index.byEmail.get(text.toLowerCase()) ??
    null
  )
}
