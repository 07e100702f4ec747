import type { Localized } from './localized'
import type { LinkSummary, PresenceEntry } from './sitelink'

/**
 * Site link data exchange (seed データ連携, リンク状況を確認する): what a link has sent, plans to send and has
 * received, and the partner directory built from what it received. Shared by the API, the CLI and the screens.
 */

/** Seed よくあるご質問: 100,000 employees in total across linked sites at most; more than 30,000 warns. */
export const maxLinkedEmployees = 100_000
export const linkedEmployeesWarning = 30_000

/** The 送信状況 of one link: the LinkSummary fields the outbox owns, plus what it is still holding. */
export interface LinkActivityInfo extends Pick<
  LinkSummary,
  'lastSendAt' | 'sending' | 'plannedSendAt' | 'plannedKinds' | 'receipts' | 'lastError'
> {
  readonly linkId: string
  /** Batches planned for this link and not yet acknowledged by the partner. */
  readonly pendingBatches: number
  /** After a failed delivery: when the next attempt is due (backoff). */
  readonly retryAt: number | null
  /** Employees at home plus every partner's, against the seed's limits. */
  readonly employeesTotal: number
  readonly employeesWarning: Localized | null
}

export interface LinkSendOutcome {
  readonly linkId: string
  /** Batches the partner acknowledged in this send. */
  readonly delivered: number
  /** Batches still waiting (the partner failed, or the send was cleared). */
  readonly pending: number
  readonly error: Localized | null
}

export interface LinkSendResult {
  readonly links: readonly LinkSendOutcome[]
}

export interface LinkClearResult {
  /** Planned batches dropped; their data goes at the next timing (the next diff finds it again). */
  readonly cleared: number
}

/** A partner's employee as a link carries it: no login, no password, no group (seed 機能制限). */
export interface LinkEmployee {
  readonly key: string
  readonly nameJa: string
  readonly nameEn: string | null
  readonly kana: string | null
  readonly email: string | null
  readonly mainDepartment: string | null
  readonly otherDepartments: readonly string[]
  readonly positions: readonly string[]
  readonly active: boolean
}

export interface LinkDepartment {
  readonly code: string
  readonly nameJa: string
  readonly nameEn: string | null
  readonly parent: string | null
  readonly order: number
}

export interface LinkPosition {
  readonly code: string
  readonly nameJa: string
  readonly nameEn: string | null
  readonly rank: number
}

export interface LinkCompany {
  readonly companyName: string
  readonly siteName: string | null
}

export interface PartnerDepartmentView extends LinkDepartment {
  /** People whose main department this is. */
  readonly employeeCount: number
}

export interface PartnerEmployeeView extends LinkEmployee {
  /** Today's 在席状況, when the partner sent one. */
  readonly presence: PresenceEntry | null
}

/** One page of a partner's directory: a department's sub-departments and people, or a search. */
export interface PartnerDirectoryPage {
  readonly linkId: string
  readonly company: LinkCompany | null
  /** The department shown, with its ancestors (top first); empty at the top level or for a search. */
  readonly path: readonly LinkDepartment[]
  readonly departments: readonly PartnerDepartmentView[]
  readonly employees: readonly PartnerEmployeeView[]
  readonly total: number
  readonly offset: number
  readonly nextOffset: number | null
  readonly positions: readonly LinkPosition[]
}
