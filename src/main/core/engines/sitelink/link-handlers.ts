/** The `link.*` part of the API contract, implemented on the link engine. */
import type { ApiHandlers } from '../../../../shared/api'
import type { LinkActionResult } from '../../../../shared/model/sitelink'
import { writeAudit } from '../../audit'
import type { HistoryRepository } from '../../history/history-repository'
import type { LinkEngine } from './link-engine'
import { acceptRequest, currentRequest, issueRequest, loadRequest } from './link-handshake'
import { actOnLink, announceUrlChange } from './link-lifecycle'
import { peakDecision } from './peak-hours'

type LinkMethods = Pick<
  ApiHandlers,
  | 'link.site.get'
  | 'link.site.update'
  | 'link.list'
  | 'link.get'
  | 'link.request'
  | 'link.request.current'
  | 'link.load'
  | 'link.accept'
  | 'link.start'
  | 'link.reject'
  | 'link.pause'
  | 'link.resume'
  | 'link.unlink'
  | 'link.relink'
>

const peakWarning = {
  ja: '今は利用の多い時間帯（8:30〜9:30、17:30〜18:30）です。最初の送受信で社員・部署・役職をすべて送るため、サーバーの負荷が一時的に高まります。このまま始めるか、今夜22:00に送るかを選んでください。',
  en: 'This is a busy time (8:30–9:30, 17:30–18:30). The first exchange sends every employee, department and position, which loads the servers for a while. Go ahead now, or send tonight at 22:00.',
}

const shownOnce = {
  ja: 'リンクURLは発行したときに一度だけ表示し、保存していません。もう一度必要なときは新しく「リンク要求」してください（それまでのURLは使えなくなります）。',
  en: 'The link URL was shown once, when it was made, and is not stored. If you need it again, make a new link request (the earlier URL stops working).',
}

export function createLinkHandlers(engine: LinkEngine, history: HistoryRepository): LinkMethods {
  const ctx = engine.context
  const sending =
    (action: 'start' | 'relink') =>
    async (input: { id: string; confirmPeak: boolean; sendTonight: boolean }): Promise<LinkActionResult> => {
      const decision = peakDecision(ctx.now(), input)
      if (decision.kind === 'ask')
        return { outcome: 'peak', warning: peakWarning, tonightAt: decision.tonightAt }
      await actOnLink(ctx, input.id, action, decision.at)
      return { outcome: 'done', link: engine.detail(input.id), firstSendAt: decision.at }
    }
  const simple = (action: 'reject' | 'pause' | 'resume' | 'unlink') => async (input: { id: string }) => {
    await actOnLink(ctx, input.id, action)
    return engine.detail(input.id)
  }
  return {
    'link.site.get': async () => ctx.site.settings(),
    'link.site.update': async (patch) => {
      const { before, after } = ctx.site.update(patch)
      if (JSON.stringify(before) !== JSON.stringify(after)) {
        writeAudit(history, { ja: 'サイト情報を変更しました', en: 'Site profile changed' }, { before, after })
        for (const hooks of ctx.hooks()) hooks.onSiteChanged?.()
        ctx.changed()
      }
      if (after.linkUrl !== null && before.linkUrl !== after.linkUrl) {
        ctx.linkUrlChanged(after.linkUrl)
        await announceUrlChange(ctx, after.linkUrl)
      }
      return ctx.site.settings()
    },
    'link.list': async () => engine.list(),
    'link.get': async ({ id }) => engine.detail(id),
    'link.request': async () => issueRequest(ctx),
    'link.request.current': async () => ({ request: currentRequest(ctx), note: shownOnce }),
    'link.load': async ({ url }) => (await loadRequest(ctx, url)).preview,
    'link.accept': async ({ url }) => engine.detail((await acceptRequest(ctx, url)).id),
    'link.start': sending('start'),
    'link.relink': sending('relink'),
    'link.reject': simple('reject'),
    'link.pause': simple('pause'),
    'link.resume': simple('resume'),
    'link.unlink': simple('unlink'),
  }
}
