/**
 * `notice.sources.*`: the admin's list of who may post events to Renkei. A source is checked whole before
 * anything changes; its secret (signing secret, outgoing-webhook token, XMPP password) goes to the keychain
 * only, and every source must have one: the screen offers to generate it, the core never invents one it could
 * not show again.
 */
import { ApiError } from '../../../../shared/model/errors'
import type { Localized } from '../../../../shared/model/localized'
import {
  noticeSourceSecret,
  type NoticeSourceConfig,
  type NoticeSourceView,
} from '../../../../shared/model/notices'
import { writeAudit } from '../../audit'
import type { NoticeContext } from './notice-context'
import type { NoticeHandlers } from './notice-ports'
import type { InboundSourceStore } from './inbound-source-store'
import type { RefusalCounter } from './inbound-refusals'

/** The path below the partner-facing base URL where events and chat webhooks are posted. */
export const inboundMountPrefix = 'renkei-notice/v1/in'

/** Sources Renkei itself names in `notice_events.source`: an inbound source must not share their events. */
const reservedIds = new Set(['calendar', 'directory', 'sitelink', 'manual'])

type Handlers = NoticeHandlers<'notice.sources.list' | 'notice.sources.save' | 'notice.sources.remove'>

export interface SourceHandlerDeps {
  readonly ctx: NoticeContext
  readonly store: InboundSourceStore
  readonly refusals: RefusalCounter
  /** A source was saved or removed: XMPP sessions follow. */
  changed(id: string): void
}

export function sourceView(
  deps: SourceHandlerDeps,
  source: NoticeSourceConfig,
  secretStored: boolean,
): NoticeSourceView {
  const now = deps.ctx.now()
  const base = deps.ctx.publicBaseUrl()
  return {
    source,
    secretStored,
    url: source.kind !== 'xmpp' && base !== null ? `${base}${inboundMountPrefix}/${source.id}` : null,
    ...deps.store.eventStats(source.id, now),
    refused24h: deps.refusals.last24h(source.id, now),
  }
}

function xmppProblems(source: NoticeSourceConfig): Localized[] {
  if (source.kind !== 'xmpp') {
    return source.xmpp
      ? [
          {
            ja: 'XMPP の設定は種類が xmpp の受信口にだけ指定できます。',
            en: 'XMPP settings belong to an xmpp source only.',
          },
        ]
      : []
  }
  const xmpp = source.xmpp
  if (!xmpp) return [{ ja: 'XMPP サーバーの設定を入力してください。', en: 'Enter the XMPP server settings.' }]
  const problems: Localized[] = []
  if (!/^xmpps?:\/\/[^/\s:]+(:\d{1,5})?\/?$/.test(xmpp.service)) {
    problems.push({
      ja: 'XMPP サーバーは xmpp://ホスト:ポート または xmpps://ホスト:ポート の形で入力してください。',
      en: 'Enter the XMPP server as xmpp://host:port or xmpps://host:port.',
    })
  }
  if (xmpp.domain === '')
    problems.push({ ja: 'XMPP ドメインを入力してください。', en: 'Enter the XMPP domain.' })
  if (xmpp.username === '') {
    problems.push({ ja: 'XMPP のユーザー名を入力してください。', en: 'Enter the XMPP user name.' })
  }
  return problems
}

/** An HMAC key or a chat server's token guessed in a day must not open the door; an XMPP password is the server's business. */
const minSigningSecret = 16

function missingSecret(kind: NoticeSourceConfig['kind']): Localized {
  return kind === 'xmpp'
    ? { ja: 'XMPP アカウントのパスワードを入力してください。', en: 'Enter the XMPP account’s password.' }
    : { ja: '署名用の秘密鍵を入力してください。', en: 'Enter the signing secret.' }
}

function refuse(problems: readonly Localized[]): never {
  throw new ApiError('invalid-input', {
    ja: problems.map((p) => p.ja).join(' '),
    en: problems.map((p) => p.en).join(' '),
  })
}

export function createSourceHandlers(deps: SourceHandlerDeps): Handlers {
  const { ctx, store } = deps
  const secretName = noticeSourceSecret
  const stored = async (id: string): Promise<boolean> => (await ctx.secrets.get(secretName(id))) !== null
  const list = async (): Promise<readonly NoticeSourceView[]> =>
    Promise.all(store.all().map(async (source) => sourceView(deps, source, await stored(source.id))))

  return {
    'notice.sources.list': list,
    'notice.sources.save': async ({ source, secret }) => {
      const problems: Localized[] = []
      if (reservedIds.has(source.id)) {
        problems.push({
          ja: `「${source.id}」は Renkei 自身が使う名前です。別の ID にしてください。`,
          en: `"${source.id}" is a name Renkei itself uses; choose another id.`,
        })
      }
      problems.push(...xmppProblems(source))
      const before = store.get(source.id)
      // A secret of another kind (a signing secret kept for what is now an XMPP account) must be typed again.
      const keptSecret = secret === undefined && before?.kind === source.kind && (await stored(source.id))
      if (secret === null || (secret === undefined && !keptSecret)) problems.push(missingSecret(source.kind))
      if (typeof secret === 'string' && source.kind !== 'xmpp' && secret.length < minSigningSecret)
        problems.push({
          ja: `署名用の秘密鍵は ${minSigningSecret} 文字以上にしてください（「生成」で作れます）。`,
          en: `The signing secret must be at least ${minSigningSecret} characters (「生成」/ Generate makes one).`,
        })
      if (problems.length > 0) refuse(problems)
      if (typeof secret === 'string') await ctx.secrets.set(secretName(source.id), secret)
      store.save(source, ctx.now())
      writeAudit(ctx.history, {
        ja: `お知らせの受信口「${source.name}」（${source.id}、${source.kind}）を${before ? '変更' : '追加'}しました${typeof secret === 'string' ? '（秘密鍵を更新）' : ''}。`,
        en: `${before ? 'Changed' : 'Added'} the inbound notice source "${source.name}" (${source.id}, ${source.kind})${typeof secret === 'string' ? ' with a new secret' : ''}.`,
      })
      deps.changed(source.id)
      return sourceView(deps, source, true)
    },
    'notice.sources.remove': async ({ id }) => {
      const source = store.get(id)
      if (!source) {
        throw new ApiError('not-found', {
          ja: `お知らせの受信口「${id}」はありません。`,
          en: `There is no inbound notice source "${id}".`,
        })
      }
      store.remove(id)
      await ctx.secrets.delete(secretName(id))
      deps.refusals.forget(id)
      writeAudit(ctx.history, {
        ja: `お知らせの受信口「${source.name}」（${id}）を削除しました。`,
        en: `Removed the inbound notice source "${source.name}" (${id}).`,
      })
      deps.changed(id)
      return list()
    },
  }
}
