import type { NoticeSettings } from '../../../../shared/model/notices'
import { noticeSettings } from '../../../../shared/model/notices'
import type { NoticeContext } from './notice-context'
import type {
  NoticeHandlers,
  NoticeIntake,
  NoticeQueueSignal,
  NoticeRenderer,
  NoticeTargetDirectory,
} from './notice-ports'
import { notImplemented } from './notice-stub'

/** Settings, templates, opt-in, intake (inbound and Renkei's own change records) and the event history. */
export interface NoticeCorePart {
  readonly handlers: NoticeHandlers<
    | 'notice.settings.get'
    | 'notice.settings.update'
    | 'notice.templates.list'
    | 'notice.templates.save'
    | 'notice.templates.reset'
    | 'notice.templates.preview'
    | 'notice.optins.get'
    | 'notice.optins.set'
    | 'notice.events.ingest'
    | 'notice.events.list'
    | 'notice.events.get'
  >
  readonly intake: NoticeIntake
  readonly renderer: NoticeRenderer
  settings(): NoticeSettings
  /** Stops listening to Renkei's own change records. */
  close(): void
}

export function createNoticeCore(
  _ctx: NoticeContext,
  _ports: { readonly targets: NoticeTargetDirectory; readonly queue: NoticeQueueSignal },
): NoticeCorePart {
  return {
    handlers: {
      'notice.settings.get': notImplemented,
      'notice.settings.update': notImplemented,
      'notice.templates.list': notImplemented,
      'notice.templates.save': notImplemented,
      'notice.templates.reset': notImplemented,
      'notice.templates.preview': notImplemented,
      'notice.optins.get': notImplemented,
      'notice.optins.set': notImplemented,
      'notice.events.ingest': notImplemented,
      'notice.events.list': notImplemented,
      'notice.events.get': notImplemented,
    },
    intake: { ingest: notImplemented },
    renderer: { render: notImplemented, renderOne: notImplemented },
    settings: () => noticeSettings.parse({}),
    close: () => {},
  }
}
