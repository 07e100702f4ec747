import { z } from 'zod'
import type { Localized } from './localized'

/**
 * Who of one site may visit a linked partner, and with what rights (seed 002 連携する社員の設定: 訪問 / 受入).
 * Visit rules live at the home site (which of my employees may go to that partner); accept rules live at
 * the receiving site (what that partner's visitors may do here). Both travel to the partner through the
 * outbox so each side can preview the other's decision. Shared by the engine, the API, the CLI and screens.
 */

/** Seed 権限: なし（ログイン不可） / 参照 / 編集 / 管理. `none` refuses the sign-in. */
export const linkPermissions = ['none', 'read', 'write', 'admin'] as const
export type LinkPermission = (typeof linkPermissions)[number]

/** Products a visitor may use (seed 利用許可する製品); `null` in a rule = every product. */
export const linkProducts = ['schedule', 'presence', 'directory', 'messages', 'files', 'workflow'] as const
export type LinkProduct = (typeof linkProducts)[number]

const code = z.string().min(1).max(200)

/**
 * One 訪問対象. Any match qualifies. `department` covers its sub-departments and looks at every department
 * of a person (main and others); `position` covers every department (seed: 部長 = 部長 of every department).
 */
export const visitTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('employee'), key: code }).strict(),
  z.object({ kind: z.literal('department'), code }).strict(),
  z.object({ kind: z.literal('group'), code }).strict(),
  z.object({ kind: z.literal('position'), code }).strict(),
])
export type VisitTarget = z.infer<typeof visitTarget>

/** 訪問 of one link. Default (seed 初期値): everyone (全社員). `everyone: false` with no targets = nobody. */
export const visitRuleSet = z
  .object({
    everyone: z.boolean(),
    targets: z.array(visitTarget).max(2_000),
  })
  .strict()
export type VisitRuleSet = z.infer<typeof visitRuleSet>
export const defaultVisitRules: VisitRuleSet = { everyone: true, targets: [] }

/**
 * Seed priority, low to high: 全体設定 < 役職 < 部署（上位） < 部署（下位） < 部署+役職 < 社員. Department rules
 * (alone or with a position) look at the visitor's main department and its ancestors only; the nearer
 * department wins. Within one level, the first rule in the list wins.
 */
export const acceptScopes = ['global', 'position', 'department', 'department-position', 'employee'] as const
export type AcceptScope = (typeof acceptScopes)[number]

/** An IPv4 or IPv6 address or CIDR range, e.g. `203.0.113.0/24`, `2001:db8::/32`, `192.0.2.7`. */
export const addressRange = z.string().min(2).max(64)

/** Seed 詳細設定: a role that applies when the visit comes from one of the listed ranges (first match wins). */
export const networkRule = z
  .object({
    ranges: z.array(addressRange).min(1).max(100),
    permission: z.enum(linkPermissions),
  })
  .strict()
export type NetworkRule = z.infer<typeof networkRule>

/** Seed 閲覧権限: what a visitor may (allow) or may not (deny) see. */
export const viewRestriction = z
  .object({
    mode: z.enum(['allow', 'deny']),
    departments: z.array(code).max(1_000),
    employees: z.array(code).max(1_000),
  })
  .strict()
export type ViewRestriction = z.infer<typeof viewRestriction>

export const acceptRule = z
  .object({
    /** Stable id: names the rule in a rule trail and in the visit log. */
    id: z.string().min(1).max(100),
    scope: z.enum(acceptScopes),
    /** Partner department code (department, department-position). */
    department: code.optional(),
    /** Partner position code (position, department-position). */
    position: code.optional(),
    /** Partner employee key (employee). */
    employee: code.optional(),
    permission: z.enum(linkPermissions),
    networks: z.array(networkRule).max(50).default([]),
    products: z.array(z.enum(linkProducts)).max(linkProducts.length).nullable().default(null),
    view: viewRestriction.nullable().default(null),
    note: z.string().max(500).optional(),
  })
  .strict()
export type AcceptRule = z.output<typeof acceptRule>
export type AcceptRuleInput = z.input<typeof acceptRule>

/** 受入 of one link: always exactly one `global` rule (seed 初期状態: 全体設定 = 参照). */
export const acceptRuleSet = z.object({ rules: z.array(acceptRule).min(1).max(2_000) }).strict()
export type AcceptRuleSet = z.output<typeof acceptRuleSet>
export const defaultGlobalRuleId = 'global'
export const defaultAcceptRules: AcceptRuleSet = {
  rules: [
    {
      id: defaultGlobalRuleId,
      scope: 'global',
      permission: 'read',
      networks: [],
      products: null,
      view: null,
    },
  ],
}

/** A person as the rules see them (home directory or a partner's, as received). */
export interface RuleSubject {
  readonly key: string
  readonly mainDepartment: string | null
  readonly otherDepartments: readonly string[]
  readonly positions: readonly string[]
  /** Group codes (home directory only; partners receive group members inside the visit rules). */
  readonly groups: readonly string[]
}

/** One rule looked at while deciding, in the order of the trail (lowest priority first). */
export interface RuleTrailStep {
  /** Accept rule id, or `visit:everyone` / `visit:<kind>:<code>` for visit targets. */
  readonly ruleId: string
  readonly label: Localized
  readonly matched: boolean
  /** The rule that decided (at most one per trail). */
  readonly decisive: boolean
  readonly why: Localized
}

export interface VisitDecision {
  readonly allowed: boolean
  /** The target that let the person in; null when none matched (or `everyone`). */
  readonly target: VisitTarget | null
  readonly trail: readonly RuleTrailStep[]
}

export interface AcceptDecision {
  readonly permission: LinkPermission
  readonly ruleId: string
  readonly ruleScope: AcceptScope
  /** The network rule that changed the permission for this address, if any. */
  readonly network: { readonly range: string; readonly permission: LinkPermission } | null
  readonly products: readonly LinkProduct[] | null
  readonly view: ViewRestriction | null
  readonly trail: readonly RuleTrailStep[]
}

/** Visit rules first (the home site's), then accept rules (the receiving site's). */
export interface VisitOutcome {
  readonly allowed: boolean
  readonly visit: VisitDecision
  /** Null when the home site's visit rules already refuse. */
  readonly accept: AcceptDecision | null
  readonly reason: Localized
}

/** Sync state of a rule set with the partner (seed: 通常数分以内に完了します). */
export interface RuleSetSync {
  readonly version: number
  readonly updatedAt: number | null
  readonly updatedBy: string | null
  /** The partner acknowledged this version. */
  readonly synced: boolean
  /** When the outbox plans to send it (null: nothing waiting). */
  readonly plannedSendAt: number | null
}

/** Every rule of a link, both ways. */
export interface LinkRules {
  readonly linkId: string
  /** Mine: who of this site may visit the partner. */
  readonly visit: VisitRuleSet
  readonly visitSync: RuleSetSync
  /** Mine: what the partner's visitors may do here. */
  readonly accept: AcceptRuleSet
  readonly acceptSync: RuleSetSync
  /** The partner's, as last received (null: none received yet; the partner's defaults apply). */
  readonly partnerVisit: VisitRuleSet | null
  readonly partnerAccept: AcceptRuleSet | null
}

/** `link.explain` for one person: the answer to "why can't X log in?". */
export interface LinkExplanation {
  readonly employee: { readonly key: string; readonly name: string }
  /** `outgoing`: a home employee visiting partners; `incoming`: a partner employee visiting here. */
  readonly direction: 'outgoing' | 'incoming'
  /** The address the accept rules were evaluated for (null: no address given, network rules not applied). */
  readonly address: string | null
  readonly links: readonly {
    readonly linkId: string
    readonly partnerName: string
    readonly outcome: VisitOutcome
    /** Address-dependent permissions of the deciding accept rule, so the preview can say "from where". */
    readonly networks: readonly NetworkRule[]
  }[]
}

/** One row of the "who may visit" table (`link.visitors`). */
export interface VisitorRow {
  readonly key: string
  readonly name: string
  readonly mainDepartment: string | null
  /** Its name in that directory (the partner's as received, for incoming rows). */
  readonly mainDepartmentName: string | null
  readonly allowed: boolean
  readonly permission: LinkPermission | null
  readonly ruleId: string | null
  readonly ruleLabel: Localized
}

export interface VisitorPage {
  readonly linkId: string
  readonly direction: 'outgoing' | 'incoming'
  readonly rows: readonly VisitorRow[]
  readonly total: number
  readonly allowedTotal: number
  readonly offset: number
  readonly nextOffset: number | null
}

/** A one-time visit URL (signed with the site key, valid 60 seconds, single use). */
export interface VisitTicket {
  readonly url: string
  readonly linkId: string
  readonly employeeKey: string
  readonly expiresAt: number
}

export const visitTokenLifetimeMs = 60_000

export const visitDecisionKinds = ['allowed', 'denied', 'refused'] as const
/** allowed / denied by the rules / refused before the rules (expired, replayed, tampered, unknown). */
export type VisitDecisionKind = (typeof visitDecisionKinds)[number]

/** One line of the visit log (both sides: `issued` at home, `received` at the partner). */
export interface VisitLogEntry {
  readonly id: number
  readonly at: number
  readonly linkId: string | null
  readonly partnerName: string | null
  readonly side: 'issued' | 'received'
  readonly employeeKey: string | null
  readonly employeeName: string | null
  readonly address: string | null
  readonly decision: VisitDecisionKind
  readonly permission: LinkPermission | null
  readonly ruleId: string | null
  readonly reason: Localized
}

export interface VisitLogPage {
  readonly entries: readonly VisitLogEntry[]
  readonly nextBefore: number | null
}

/** A relying party of the OpenID Connect provider mode (the partner-facing groupware's sign-in). */
export const oidcClient = z
  .object({
    clientId: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]{2,99}$/, 'client ids use a-z, 0-9, ".", "_" and "-" (3–100)'),
    name: z.string().min(1).max(200),
    redirectUris: z.array(z.string().url().max(2000)).min(1).max(20),
    /** Where a verified visit sends the browser to start the sign-in (OIDC third-party initiated login). */
    initiateLoginUri: z.string().url().max(2000).nullable().default(null),
  })
  .strict()
export type OidcClient = z.output<typeof oidcClient>

/** The client secret of a relying party is the secret `sitelink.oidc.client.<clientId>` in the keychain. */
export const oidcClientSecretName = (clientId: string): string => `sitelink.oidc.client.${clientId}`

export const oidcSettingsInput = z
  .object({
    enabled: z.boolean(),
    clients: z.array(oidcClient).max(20),
  })
  .strict()
export type OidcSettingsInput = z.input<typeof oidcSettingsInput>

export interface OidcSettings {
  readonly enabled: boolean
  /** The issuer partners' groupware is configured with: this site's link URL + `renkei-link/v1/oidc`. */
  readonly issuer: string | null
  readonly clients: readonly (OidcClient & { readonly secretSet: boolean })[]
}

/**
 * Test copies (seed Q&A: a copied database must not talk to partners). `changed`: this data directory runs
 * on another machine (or in another folder) than the one that last ran it; its links were paused.
 */
export interface MachineIdentityState {
  readonly state: 'same' | 'changed' | 'test-copy'
  readonly detectedAt: number | null
  /** Links paused because of the change (still paused). */
  readonly pausedLinks: readonly { readonly id: string; readonly partnerName: string }[]
}
