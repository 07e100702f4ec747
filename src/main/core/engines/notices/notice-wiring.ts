import type { PartnerMount } from '../sitelink/sitelink-ports'
import type { HealthReporter } from '../../health/health-reporter'
import type { NoticeContext } from './notice-context'
import { createNoticeCore, type NoticeCorePart } from './notice-core'
import { createNoticeGadget, type NoticeGadgetPart } from './notice-gadget'
import { createNoticeInbound, type NoticeInboundPart } from './notice-inbound'
import type { NoticeTargetKind } from '../../../../shared/model/notices'
import type { AdminSummaryChannel, NoticeIntake, NoticeSender } from './notice-ports'
import { createNoticeQueue, type NoticeQueuePart } from './notice-queue'
import { createNoticeTargets, type NoticeTargetsPart } from './notice-targets'

export interface Notices {
  readonly handlers: NoticeCorePart['handlers'] &
    NoticeTargetsPart['handlers'] &
    NoticeQueuePart['handlers'] &
    NoticeInboundPart['handlers'] &
    NoticeGadgetPart['handlers']
  /** Inbound webhooks and the gadget, below the partner endpoint's base path (and 127.0.0.1 in the daemon). */
  readonly mounts: readonly PartnerMount[]
  readonly health: HealthReporter
  readonly intake: NoticeIntake
  /** A target's sender by id (enabled or not) if it is of that kind, for another engine's mails; null if not. */
  senderFor(targetId: string, kind: NoticeTargetKind): NoticeSender | null
  /** Starts the queue's worker and the XMPP sources (not in CLI commands). */
  start(): Promise<void>
  close(): Promise<void>
}

/** The notice relay's composition: five parts joined through the ports of `notice-ports.ts`. */
export function createNotices(ctx: NoticeContext, admin: AdminSummaryChannel): Notices {
  let queue: NoticeQueuePart | null = null
  const targets = createNoticeTargets(ctx, { queue: () => queue!.stats })
  const core = createNoticeCore(ctx, {
    targets: targets.directory,
    queue: { wake: () => queue?.signal.wake() },
  })
  queue = createNoticeQueue(ctx, {
    targets: targets.directory,
    renderer: core.renderer,
    settings: () => core.settings(),
    admin,
  })
  const inbound = createNoticeInbound(ctx, { intake: core.intake })
  const gadget = createNoticeGadget(ctx, { renderer: core.renderer, settings: () => core.settings() })
  const started = queue
  return {
    handlers: {
      ...core.handlers,
      ...targets.handlers,
      ...started.handlers,
      ...inbound.handlers,
      ...gadget.handlers,
    },
    mounts: [inbound.mount, gadget.mount],
    health: started.health,
    intake: core.intake,
    senderFor: (targetId, kind) => {
      const target = targets.directory.get(targetId)
      return target?.kind === kind ? targets.directory.senderFor(target) : null
    },
    start: async () => {
      started.start()
      await inbound.start()
    },
    close: async () => {
      core.close()
      gadget.close()
      await inbound.close()
      await started.close()
      await targets.close()
    },
  }
}
