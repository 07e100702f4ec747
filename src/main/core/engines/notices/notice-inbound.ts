import type { PartnerMount } from '../sitelink/sitelink-ports'
import type { NoticeContext } from './notice-context'
import type { NoticeHandlers, NoticeIntake } from './notice-ports'
import { notImplemented } from './notice-stub'

/** Inbound sources: the signed groupware webhook, a Slack-compatible outgoing webhook, an XMPP account. */
export interface NoticeInboundPart {
  readonly handlers: NoticeHandlers<'notice.sources.list' | 'notice.sources.save' | 'notice.sources.remove'>
  /** `renkei-notice/v1/in` */
  readonly mount: PartnerMount
  /** Signs in to the XMPP sources (not in CLI commands). */
  start(): Promise<void>
  close(): Promise<void>
}

export function createNoticeInbound(
  _ctx: NoticeContext,
  _ports: { readonly intake: NoticeIntake },
): NoticeInboundPart {
  return {
    handlers: {
      'notice.sources.list': notImplemented,
      'notice.sources.save': notImplemented,
      'notice.sources.remove': notImplemented,
    },
    mount: { prefix: 'renkei-notice/v1/in', handle: (_req, res) => res.writeHead(404).end() },
    start: async () => {},
    close: async () => {},
  }
}
