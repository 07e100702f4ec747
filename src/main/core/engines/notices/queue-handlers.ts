import { ApiError } from '../../../../shared/model/errors'
import type { NoticeContext } from './notice-context'
import type { NoticeHandlers, NoticeTargetDirectory } from './notice-ports'
import { messageViews } from './queue-rows'
import type { QueueStore } from './queue-store'

export interface QueueHandlerDeps {
  readonly ctx: NoticeContext
  readonly store: QueueStore
  readonly targets: NoticeTargetDirectory
  /** Messages went back to the queue: the worker wakes, the screens refresh. */
  readonly retried: () => void
}

/** `notice.queue` (the outbox by state, newest first, paged by id) and `notice.retry`. */
export function queueHandlers(deps: QueueHandlerDeps): NoticeHandlers<'notice.queue' | 'notice.retry'> {
  const { ctx, store } = deps
  return {
    'notice.queue': async (input) => {
      const rows = store.page({ ...input, limit: input.limit + 1 })
      const page = rows.slice(0, input.limit)
      return {
        messages: messageViews(page, ctx.home),
        nextBefore: rows.length > input.limit ? page[page.length - 1]!.id : null,
        counts: store.counts(input.targetId),
      }
    },
    'notice.retry': async (input) => {
      if (input.id !== undefined) {
        const state = store.state(input.id)
        if (state === null) {
          throw new ApiError('not-found', {
            ja: `お知らせ #${input.id} はありません。`,
            en: `There is no notice #${input.id}.`,
          })
        }
        if (state !== 'set-aside') {
          throw new ApiError('invalid-input', {
            ja: `お知らせ #${input.id} は保留中ではないので再送できません（状態: ${state}）。`,
            en: `Notice #${input.id} is not set aside, so it cannot be retried (state: ${state}).`,
          })
        }
      }
      if (input.targetId !== undefined && deps.targets.get(input.targetId) === null) {
        throw new ApiError('invalid-input', {
          ja: `送信先「${input.targetId}」はありません。`,
          en: `There is no target "${input.targetId}".`,
        })
      }
      const retried = store.retry(input, ctx.now())
      if (retried > 0) {
        const which = input.id !== undefined ? `#${input.id}` : (input.targetId ?? '')
        ctx.history.append({
          direction: 'local',
          category: 'audit',
          level: 'info',
          message: `保留中のお知らせ ${retried} 件を再送キューに戻しました${which ? `（${which}）` : ''}`,
          messageEn: `Put ${retried} set-aside notices back in the queue${which ? ` (${which})` : ''}`,
          detail: { retried, ...input },
        })
        deps.retried()
      }
      return { retried }
    },
  }
}
