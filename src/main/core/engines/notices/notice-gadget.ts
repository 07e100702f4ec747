import type { NoticeSettings } from '../../../../shared/model/notices'
import type { PartnerMount } from '../sitelink/sitelink-ports'
import type { NoticeContext } from './notice-context'
import type { NoticeHandlers, NoticeRenderer } from './notice-ports'
import { notImplemented } from './notice-stub'

/** The portal gadget: an employee's newest notices (live), and the admin gadget with every engine's health. */
export interface NoticeGadgetPart {
  readonly handlers: NoticeHandlers<'notice.gadget.url' | 'notice.gadget.rotate'>
  /** `renkei-notice/v1/gadget` */
  readonly mount: PartnerMount
  /** Ends the live streams. */
  close(): void
}

export function createNoticeGadget(
  _ctx: NoticeContext,
  _ports: { readonly renderer: NoticeRenderer; readonly settings: () => NoticeSettings },
): NoticeGadgetPart {
  return {
    handlers: { 'notice.gadget.url': notImplemented, 'notice.gadget.rotate': notImplemented },
    mount: { prefix: 'renkei-notice/v1/gadget', handle: (_req, res) => res.writeHead(404).end() },
    close: () => {},
  }
}
