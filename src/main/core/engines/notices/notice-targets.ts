import type { NoticeContext } from './notice-context'
import type { NoticeHandlers, NoticeQueueStats, NoticeTargetDirectory } from './notice-ports'
import { notImplemented } from './notice-stub'

/** Targets: their storage, secrets (keychain), checks, connectors and the test send. */
export interface NoticeTargetsPart {
  readonly handlers: NoticeHandlers<
    'notice.targets.list' | 'notice.targets.save' | 'notice.targets.remove' | 'notice.targets.test'
  >
  readonly directory: NoticeTargetDirectory
}

export function createNoticeTargets(
  _ctx: NoticeContext,
  _ports: { readonly queue: () => NoticeQueueStats },
): NoticeTargetsPart {
  return {
    handlers: {
      'notice.targets.list': notImplemented,
      'notice.targets.save': notImplemented,
      'notice.targets.remove': notImplemented,
      'notice.targets.test': notImplemented,
    },
    directory: { enabled: () => [], get: () => null, senderFor: notImplemented },
  }
}
