import type { NoticeSettings } from '../../../../shared/model/notices'
import { createEventHistory } from './core-history'
import { createPeopleIndex } from './core-people'
import { createNoticeSettings } from './core-settings'
import { createIntake } from './intake-ingest'
import { listenToOwnEvents } from './intake-own-feeds'
import type { NoticeContext } from './notice-context'
import type {
  NoticeHandlers,
  NoticeIntake,
  NoticeQueueSignal,
  NoticeRenderer,
  NoticeTargetDirectory,
} from './notice-ports'
import { createOptInHandlers } from './optin-handlers'
import { OptInStore } from './optin-rules'
import { createTemplates } from './template-store'

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
  ctx: NoticeContext,
  ports: { readonly targets: NoticeTargetDirectory; readonly queue: NoticeQueueSignal },
): NoticeCorePart {
  const settings = createNoticeSettings(ctx)
  const templates = createTemplates(ctx)
  const people = createPeopleIndex(ctx)
  const optins = new OptInStore(ctx.db)
  const intake = createIntake(ctx, {
    ...ports,
    renderer: templates.renderer,
    settings: settings.get,
    people,
    optins,
  })
  const unsubscribe = listenToOwnEvents(ctx, intake, settings.get, people)
  return {
    handlers: {
      ...settings.handlers,
      ...templates.handlers,
      ...createOptInHandlers(ctx, optins, people),
      'notice.events.ingest': async ({ source, event }) => intake.ingest(source, event),
      ...createEventHistory(ctx, people),
    },
    intake,
    renderer: templates.renderer,
    settings: settings.get,
    close: unsubscribe,
  }
}
