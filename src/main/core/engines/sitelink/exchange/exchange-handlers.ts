import type { ApiHandlers } from '../../../../../shared/api'
import { writeAudit } from '../../../audit'
import type { HistoryRepository } from '../../../history/history-repository'
import type { Scheduler } from '../../../scheduler/scheduler'
import { linkSendJobId, sendJobResult } from './exchange-jobs'
import type { SiteExchange } from './site-exchange'

export interface ExchangeHandlerDeps {
  readonly exchange: SiteExchange
  readonly scheduler: Scheduler
  readonly history: HistoryRepository
  readonly signal: AbortSignal
}

type ExchangeHandlers = Pick<
  ApiHandlers,
  'link.sendNow' | 'link.clear' | 'link.partnerDirectory' | 'link.activity'
>

/** The exchange's part of the contract. A send started here is recorded like the scheduled one. */
export function createExchangeHandlers(deps: ExchangeHandlerDeps): ExchangeHandlers {
  const { exchange, scheduler, history } = deps
  return {
    'link.sendNow': async ({ id }) => {
      // A refused input is the caller's mistake, not a failed send: checked before the run is recorded.
      exchange.targets(id)
      return scheduler.track(
        linkSendJobId,
        () => exchange.send(id, deps.signal, { full: true }),
        sendJobResult,
      )
    },
    'link.clear': async ({ id }) => {
      const cleared = await exchange.clear(id)
      writeAudit(
        history,
        {
          ja: `リンクの送信予定をクリアしました（${cleared} 件。次の送信のタイミングで送信します）`,
          en: `Cleared the planned link sends (${cleared} batches; they go at the next timing)`,
        },
        { id, cleared },
      )
      return { cleared }
    },
    'link.partnerDirectory': async ({ id, department, query, offset }) =>
      exchange.partnerDirectory(id, {
        offset,
        ...(department === undefined ? {} : { department }),
        ...(query === undefined ? {} : { query }),
      }),
    'link.activity': async ({ id }) => exchange.activity(id),
  }
}
