/**
 * The seams the outbox and receive side plug into: what a link's summary shows about sending and
 * receiving (filled by the outbox helper's `LinkActivity`), and the hooks it must hear.
 */
import type { LinkSummary } from '../../../../shared/model/sitelink'

export type LinkActivityFacts = Pick<
  LinkSummary,
  'lastSendAt' | 'sending' | 'plannedSendAt' | 'plannedKinds' | 'receipts' | 'lastError'
>

export interface LinkActivity {
  activity(linkId: string): LinkActivityFacts
}

/** Until the outbox exists: nothing sent, nothing planned, nothing received. */
export const noActivity: LinkActivity = {
  activity: () => ({
    lastSendAt: null,
    sending: false,
    plannedSendAt: null,
    plannedKinds: [],
    receipts: {
      company: null,
      employee: null,
      department: null,
      position: null,
      schedule: null,
      presence: null,
      rules: null,
    },
    lastError: null,
  }),
}

/** Called after the transition is stored. `sendAt`: the first full send's time (22:00), null = now. */
export interface LinkHooks {
  /** The link became linked (both sides): send everything for the first time. */
  onStart?(linkId: string, sendAt: number | null): void
  /** 再リンク on either side: send everything again. */
  onRelink?(linkId: string, sendAt: number | null): void
  /** Unlinked (either side): remove the partner's employees, departments and positions; keep schedules. */
  onUnlink?(linkId: string): void
  /** This site's profile changed (company, site name, link URL): partners get the new company data. */
  onSiteChanged?(): void
}
