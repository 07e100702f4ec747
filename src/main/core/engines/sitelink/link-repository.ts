/** The link records (migration 009): links, one-time requests (token hashes only) and transitions. */
import { randomUUID } from 'node:crypto'
import type {
  LinkRole,
  LinkState,
  LinkTransition,
  LinkTransitionKind,
  SiteProfile,
} from '../../../../shared/model/sitelink'
import type { Localized } from '../../../../shared/model/localized'
import type { Db } from '../../store/database'
import type { LinkFacts } from './link-states'

/** Why a link is paused (migration 013): an admin's click, or the data directory moved machine (test copies). */
export type PauseReason = 'admin' | 'machine'

export interface StoredLink extends LinkFacts {
  readonly id: string
  /** null when not paused (a pause from before migration 013 reads as the admin's). */
  readonly pauseReason: PauseReason | null
  readonly partnerKeyId: string
  readonly partnerPublicKey: string
  readonly partner: SiteProfile
  /** The last failure to tell the partner about a transition (cleared by the next success). */
  readonly noticeError: Localized | null
  readonly createdAt: number
  readonly updatedAt: number
}

export interface StoredRequest {
  readonly id: number
  readonly requestedAt: number
  readonly expiresAt: number
  readonly requester: string
  readonly consumedAt: number | null
  readonly invalidatedAt: number | null
}

interface LinkRow {
  id: string
  partner_key_id: string
  partner_public_key: string
  partner_company: string
  partner_site: string | null
  partner_link_url: string
  role: LinkRole
  state: LinkState
  paused: number
  pause_reason: PauseReason | null
  notice_error: string | null
  created_at: number
  updated_at: number
}

function toLink(row: LinkRow): StoredLink {
  return {
    id: row.id,
    partnerKeyId: row.partner_key_id,
    partnerPublicKey: row.partner_public_key,
    partner: { companyName: row.partner_company, siteName: row.partner_site, linkUrl: row.partner_link_url },
    role: row.role,
    state: row.state,
    paused: row.paused === 1,
    pauseReason: row.paused === 1 ? (row.pause_reason ?? 'admin') : null,
    noticeError: row.notice_error === null ? null : (JSON.parse(row.notice_error) as Localized),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export interface NewLink {
  readonly partnerKeyId: string
  readonly partnerPublicKey: string
  readonly partner: SiteProfile
  readonly role: LinkRole
}

export class LinkRepository {
  constructor(private readonly db: Db) {}

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)()
  }

  list(): StoredLink[] {
    const rows = this.db.prepare('SELECT * FROM site_links ORDER BY created_at, rowid').all() as LinkRow[]
    return rows.map(toLink)
  }

  get(id: string): StoredLink | null {
    const row = this.db.prepare('SELECT * FROM site_links WHERE id = ?').get(id) as LinkRow | undefined
    return row ? toLink(row) : null
  }

  /** The pending or linked link with this partner key (at most one: see the migration's index). */
  activeByKey(keyId: string): StoredLink | null {
    const row = this.db
      .prepare("SELECT * FROM site_links WHERE partner_key_id = ? AND state IN ('pending', 'linked')")
      .get(keyId) as LinkRow | undefined
    return row ? toLink(row) : null
  }

  countActive(): number {
    return this.db
      .prepare("SELECT count(*) FROM site_links WHERE state IN ('pending', 'linked')")
      .pluck()
      .get() as number
  }

  create(link: NewLink, now: number): StoredLink {
    const id = randomUUID()
    this.db
      .prepare(
        `INSERT INTO site_links (id, partner_key_id, partner_public_key, partner_company, partner_site,
           partner_link_url, role, state, paused, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
      )
      .run(
        id,
        link.partnerKeyId,
        link.partnerPublicKey,
        link.partner.companyName,
        link.partner.siteName,
        link.partner.linkUrl,
        link.role,
        now,
        now,
      )
    return this.get(id)!
  }

  /** `pauseReason`: kept on a link that stays paused, set on one that becomes paused, cleared on resume. */
  setFacts(id: string, facts: LinkFacts, now: number, pauseReason: PauseReason = 'admin'): void {
    this.db
      .prepare(
        `UPDATE site_links SET state = ?, paused = ?, updated_at = ?,
           pause_reason = CASE WHEN ? = 0 THEN NULL WHEN paused = 1 THEN coalesce(pause_reason, 'admin') ELSE ? END
         WHERE id = ?`,
      )
      .run(facts.state, facts.paused ? 1 : 0, now, facts.paused ? 1 : 0, pauseReason, id)
  }

  setPartnerLinkUrl(id: string, linkUrl: string, now: number): void {
    this.db
      .prepare('UPDATE site_links SET partner_link_url = ?, updated_at = ? WHERE id = ?')
      .run(linkUrl, now, id)
  }

  setNoticeError(id: string, error: Localized | null): void {
    this.db
      .prepare('UPDATE site_links SET notice_error = ? WHERE id = ?')
      .run(error === null ? null : JSON.stringify(error), id)
  }

  addTransition(linkId: string, transition: LinkTransition): void {
    this.db
      .prepare(
        'INSERT INTO site_link_transitions (link_id, kind, at, actor, site_name) VALUES (?, ?, ?, ?, ?)',
      )
      .run(linkId, transition.kind, transition.at, transition.actor, transition.siteName)
  }

  transitions(linkId: string): LinkTransition[] {
    const rows = this.db
      .prepare(
        'SELECT kind, at, actor, site_name FROM site_link_transitions WHERE link_id = ? ORDER BY at, id',
      )
      .all(linkId) as { kind: LinkTransitionKind; at: number; actor: string; site_name: string }[]
    return rows.map((row) => ({ kind: row.kind, at: row.at, actor: row.actor, siteName: row.site_name }))
  }

  /** A new request invalidates every earlier one still open (seed: re-issuing replaces the URL). */
  addRequest(tokenHash: string, requestedAt: number, expiresAt: number, requester: string): void {
    this.db
      .prepare(
        'UPDATE site_link_requests SET invalidated_at = ? WHERE consumed_at IS NULL AND invalidated_at IS NULL',
      )
      .run(requestedAt)
    this.db
      .prepare(
        'INSERT INTO site_link_requests (token_hash, requested_at, expires_at, requester) VALUES (?, ?, ?, ?)',
      )
      .run(tokenHash, requestedAt, expiresAt, requester)
  }

  requestByHash(tokenHash: string): StoredRequest | null {
    const row = this.db
      .prepare(
        `SELECT id, requested_at AS requestedAt, expires_at AS expiresAt, requester,
           consumed_at AS consumedAt, invalidated_at AS invalidatedAt
         FROM site_link_requests WHERE token_hash = ?`,
      )
      .get(tokenHash) as StoredRequest | undefined
    return row ?? null
  }

  /** The newest request neither consumed nor invalidated (it may have expired: callers compare). */
  openRequest(): StoredRequest | null {
    const row = this.db
      .prepare(
        `SELECT id, requested_at AS requestedAt, expires_at AS expiresAt, requester,
           consumed_at AS consumedAt, invalidated_at AS invalidatedAt
         FROM site_link_requests WHERE consumed_at IS NULL AND invalidated_at IS NULL
         ORDER BY id DESC LIMIT 1`,
      )
      .get() as StoredRequest | undefined
    return row ?? null
  }

  consumeRequest(id: number, now: number): void {
    this.db.prepare('UPDATE site_link_requests SET consumed_at = ? WHERE id = ?').run(now, id)
  }
}
