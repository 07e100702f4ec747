import { ApiError } from '../../../../shared/model/errors'
import type { Localized } from '../../../../shared/model/localized'
import { noticeSettings, type NoticeSettings } from '../../../../shared/model/notices'
import { writeAudit } from '../../audit'
import { JsonSetting } from '../../settings/json-setting'
import type { NoticeContext } from './notice-context'
import type { NoticeHandlers } from './notice-ports'

const title: Localized = { ja: 'お知らせ通知の設定', en: 'notice relay settings' }

const originPattern =
  /^https?:\/\/(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)(:(\d{1,5}))?$/i

/** Why an origin cannot go into `frame-ancestors` (a path, a query, user info, a bad port), or null when it can. */
export function portalOriginProblem(origin: string): Localized | null {
  const match = originPattern.exec(origin)
  const port = match?.[6] === undefined ? 1 : Number(match[6])
  if (match && port >= 1 && port <= 65535 && URL.canParse(origin)) return null
  return {
    ja: `「${origin}」はポータルのオリジンではありません（https://host[:port] の形で、パスなし）`,
    en: `"${origin}" is not a portal origin (https://host[:port], without a path)`,
  }
}

function checkSettings(settings: NoticeSettings): void {
  const problems = settings.portalOrigins.flatMap((o, i) => {
    const problem = portalOriginProblem(o)
    return problem
      ? [{ ja: `portalOrigins[${i}]: ${problem.ja}`, en: `portalOrigins[${i}]: ${problem.en}` }]
      : []
  })
  if (problems.length === 0) return
  throw new ApiError('invalid-input', {
    ja: `${title.ja}を保存できません。何も変更していません（${problems.map((p) => p.ja).join('; ')}）`,
    en: `The ${title.en} cannot be saved; nothing was changed (${problems.map((p) => p.en).join('; ')})`,
  })
}

/** The relay's settings: one JSON document in the settings table, checked whole, every change audited. */
export function createNoticeSettings(ctx: NoticeContext): {
  readonly get: () => NoticeSettings
  readonly handlers: NoticeHandlers<'notice.settings.get' | 'notice.settings.update'>
} {
  const setting = new JsonSetting(ctx.db, 'notices.settings', noticeSettings, title)
  return {
    get: () => setting.get(),
    handlers: {
      'notice.settings.get': async () => setting.get(),
      'notice.settings.update': async (patch) => {
        const { after, changed } = setting.update(patch, checkSettings)
        if (changed)
          writeAudit(
            ctx.history,
            { ja: 'お知らせ通知の設定を変更しました', en: 'Notice relay settings changed' },
            {
              settings: after,
            },
          )
        return after
      },
    },
  }
}
