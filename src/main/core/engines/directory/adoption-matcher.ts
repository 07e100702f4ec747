import type { AdoptionMatch } from '../../../../shared/model/directory-config'
import type { Localized } from '../../../../shared/model/localized'
import type { TargetAccount, TargetUser } from './directory-connectors'

export type AdoptionDecision =
  | { readonly kind: 'none' }
  | { readonly kind: 'adopt'; readonly account: TargetAccount; readonly by: AdoptionMatch }
  | { readonly kind: 'held'; readonly account: TargetAccount; readonly reason: Localized }

const ruleNames: Record<AdoptionMatch, Localized> = {
  key: { ja: '社員番号（externalId / employeeNumber）', en: 'employee key (externalId / employeeNumber)' },
  login: { ja: 'ログイン名', en: 'login' },
  email: { ja: 'メールアドレス', en: 'e-mail address' },
}

const lower = (value: string | null): string | null =>
  value === null || value === '' ? null : value.toLowerCase()

function valueOf(rule: AdoptionMatch, who: Pick<TargetUser, 'login' | 'email'> & { key: string | null }) {
  return rule === 'key' ? who.key : lower(rule === 'login' ? who.login : who.email)
}

const label = (a: TargetAccount): string => `${a.login || a.displayName} (${a.ref})`

/**
 * Matches source people with accounts Renkei does not own (foreign or excluded), by the admin's rules, with
 * an index per rule (100,000 people stay linear). Whatever it decides, a person whose key or login is taken
 * by someone else's account is never created: a second account for the same person is the defect it prevents.
 */
export class AdoptionMatcher {
  private readonly index = new Map<string, TargetAccount[]>()
  private readonly claimed = new Map<TargetAccount, string>()
  private readonly excluded: ReadonlySet<TargetAccount>

  constructor(
    private readonly rules: readonly AdoptionMatch[],
    foreign: readonly TargetAccount[],
    excluded: readonly TargetAccount[],
  ) {
    this.excluded = new Set(excluded)
    for (const account of [...foreign, ...excluded])
      for (const rule of ['key', 'login', 'email'] as const) {
        const value = valueOf(rule, account)
        if (value === null) continue
        const slot = `${rule}\u0000${value}`
        this.index.set(slot, [...(this.index.get(slot) ?? []), account])
      }
  }

  private lookup(rule: AdoptionMatch, user: TargetUser): TargetAccount[] {
    const value = valueOf(rule, user)
    return value === null ? [] : (this.index.get(`${rule}\u0000${value}`) ?? [])
  }

  decide(user: TargetUser): AdoptionDecision {
    const matches = new Map<TargetAccount, AdoptionMatch>()
    for (const rule of this.rules)
      for (const a of this.lookup(rule, user)) if (!matches.has(a)) matches.set(a, rule)
    const [first, ...others] = matches.keys()
    if (first && this.excluded.has(first)) return held(first, heldReasons.excluded(first))
    if (first && others.length > 0) return held(first, heldReasons.ambiguous([first, ...others]))
    if (first) {
      const owner = this.claimed.get(first)
      if (owner !== undefined) return held(first, heldReasons.claimed(first, owner))
      this.claimed.set(first, user.key)
      return { kind: 'adopt', account: first, by: matches.get(first)! }
    }
    // Not matched by the rules, but the login or key is someone else's: creating would collide or duplicate.
    const taken = this.lookup('login', user)[0] ?? this.lookup('key', user)[0]
    return taken ? held(taken, heldReasons.taken(taken)) : { kind: 'none' }
  }
}

const held = (account: TargetAccount, reason: Localized): AdoptionDecision => ({
  kind: 'held',
  account,
  reason,
})

export const adoptionReason = (account: TargetAccount, by: AdoptionMatch): Localized => ({
  ja: `既存のアカウント ${label(account)} を${ruleNames[by].ja}で照合して引き継ぎます（承認が必要）`,
  en: `adopts the existing account ${label(account)}, matched by ${ruleNames[by].en} (needs approval)`,
})

const heldReasons = {
  excluded: (a: TargetAccount): Localized => ({
    ja: `除外ルールの対象のアカウント ${label(a)} と一致するため、作成も引き継ぎもしません`,
    en: `matches ${label(a)}, which an exclusion rule protects: neither created nor adopted`,
  }),
  ambiguous: (list: readonly TargetAccount[]): Localized => ({
    ja: `既存のアカウント ${list.length} 件（${list.map(label).join('、')}）と一致するため、作成も引き継ぎもしません。照合ルールを絞るか、アカウントを整理してください`,
    en: `matches ${list.length} existing accounts (${list.map(label).join(', ')}): neither created nor adopted. Narrow the match rules or tidy the accounts`,
  }),
  claimed: (a: TargetAccount, key: string): Localized => ({
    ja: `アカウント ${label(a)} は社員 ${key} の引き継ぎ先として既に一致しています。照合ルールかソースを見直してください`,
    en: `the account ${label(a)} already matches employee ${key}. Check the match rules or the source`,
  }),
  taken: (a: TargetAccount): Localized => ({
    ja: `ログイン名か社員番号が Renkei の管理外のアカウント ${label(a)} と重なるため作成しません。引き継ぐなら照合ルールに含めて承認し、別人ならソースのログイン名を変えてください`,
    en: `its login or key is used by ${label(a)}, which Renkei does not own, so it is not created. To adopt it, add that match rule and approve; if it is someone else, change the login in the source`,
  }),
}
