import type { PartnerMount } from '../sitelink/sitelink-ports'
import type { NoticeContext } from './notice-context'
import type { NoticeHandlers, NoticeIntake } from './notice-ports'
import { inboundMount } from './inbound-http'
import { RefusalCounter } from './inbound-refusals'
import { createSourceHandlers } from './inbound-source-handlers'
import { InboundSourceStore } from './inbound-source-store'
import { XmppSources } from './inbound-xmpp-sources'

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
  ctx: NoticeContext,
  ports: { readonly intake: NoticeIntake },
): NoticeInboundPart {
  const store = new InboundSourceStore(ctx.db)
  const refusals = new RefusalCounter()
  const xmpp = new XmppSources(ctx, ports.intake)
  return {
    handlers: createSourceHandlers({
      ctx,
      store,
      refusals,
      changed: (id) => void xmpp.follow(id, store.get(id)),
    }),
    mount: inboundMount({ ctx, store, refusals, intake: ports.intake }),
    start: () => xmpp.start(store.all()),
    close: () => xmpp.close(),
  }
}
