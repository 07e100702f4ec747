import type { IncomingMessage, ServerResponse } from 'node:http'
import type { DirectoryEmployee } from '../../../../shared/model/directory'
import { ApiError } from '../../../../shared/model/errors'
import type { GadgetNotice, NoticeLanguage, NoticeSettings } from '../../../../shared/model/notices'
import { recordId } from '../../directory/home-diff'
import type { PartnerMount } from '../sitelink/sitelink-ports'
import { adminPage, healthTable } from './gadget-admin-page'
import { employeePage, noticeItem, unreadText } from './gadget-employee-page'
import { gadgetHeaders, sendMessagePage } from './gadget-html'
import {
  badReadInput,
  badToken,
  gadgetRoute,
  notFound,
  readMarkRead,
  sendHtml,
  sendJson,
  sendScript,
  unknownEmployee,
  type GadgetRoute,
} from './gadget-http'
import { GadgetInbox } from './gadget-inbox'
import { GadgetStreams } from './gadget-stream'
import { GadgetTokens } from './gadget-token'
import type { NoticeContext } from './notice-context'
import type { NoticeHandlers, NoticeRenderer } from './notice-ports'

/** The portal gadget: an employee's newest notices (live), and the admin gadget with every engine's health. */
export interface NoticeGadgetPart {
  readonly handlers: NoticeHandlers<'notice.gadget.url' | 'notice.gadget.rotate'>
  /** `renkei-notice/v1/gadget` */
  readonly mount: PartnerMount
  /** Ends the live streams. */
  close(): void
}

const mountPrefix = 'renkei-notice/v1/gadget'

const noPlaceToServe = new ApiError('not-found', {
  ja: 'ガジェットを配信する場所がありません。サイト間リンクの受付（パートナー向けリスナー）を設定するか、デーモンで動かしてください。',
  en: 'There is nowhere to serve the gadget from: set up the partner-facing listener (site link) or run the daemon.',
})

const internalError = {
  ja: 'ガジェットを表示できませんでした。しばらくしてからもう一度開いてください。',
  en: 'The gadget could not be shown. Open it again in a moment.',
}

/**
 * The gadget's mount and its two API methods. URLs: `<base>renkei-notice/v1/gadget/e/<token>` for an employee,
 * `.../a/<token>` for the admin; the base is the partner-facing listener's URL, or the daemon's own on
 * 127.0.0.1 (`ctx.localBaseUrl`) for a single workstation. Tokens are never logged or recorded.
 */
export function createNoticeGadget(
  ctx: NoticeContext,
  ports: { readonly renderer: NoticeRenderer; readonly settings: () => NoticeSettings },
  options: { readonly heartbeatMs?: number } = {},
): NoticeGadgetPart {
  const tokens = new GadgetTokens(ctx.secrets)
  const inbox = new GadgetInbox(ctx.db)
  const streams = new GadgetStreams(options.heartbeatMs)
  const origins = (): readonly string[] => ports.settings().portalOrigins

  function employee(key: string): DirectoryEmployee | null {
    const id = recordId('employee', key)
    return (ctx.home.objects([id]).get(id) as DirectoryEmployee | undefined) ?? null
  }
  const nameOf = (person: DirectoryEmployee, language: NoticeLanguage): string =>
    language === 'en' ? (person.nameEn ?? person.nameJa) : person.nameJa

  function notices(person: DirectoryEmployee, language: NoticeLanguage): GadgetNotice[] {
    return inbox.newest(person.key).map((row) => {
      const { subject, text } = ports.renderer.renderOne(
        row.kind,
        language,
        row.fields,
        nameOf(person, language),
      )
      return { id: row.id, kind: row.kind, subject, text, at: row.at, read: row.read }
    })
  }

  async function serveEmployee(
    route: Extract<GadgetRoute, { who: string }>,
    req: IncomingMessage,
    res: ServerResponse,
  ) {
    const subject = await tokens.verify('employee', route.token)
    if (subject?.kind !== 'employee') return sendMessagePage(res, 403, badToken, origins())
    const person = employee(subject.employeeKey)
    if (person === null) return sendMessagePage(res, 404, unknownEmployee, origins())
    const { language } = route
    const key = person.key
    const counted = () => {
      const unread = inbox.unread(key)
      return { unread, unreadText: unreadText(unread, language) }
    }
    if (route.kind === 'events') {
      return streams.open(
        req,
        res,
        gadgetHeaders(origins(), 'text/event-stream'),
        (send) =>
          // This employee's notices only; the event carries the notice as the intake rendered it.
          ctx.events.subscribe('notice.inbox', (event) => {
            if (event.employeeKey === key)
              send('notice', { html: noticeItem(event.notice, language), ...counted() })
          }),
        async () => (await tokens.verify('employee', route.token)) !== null,
      )
    }
    if (route.kind === 'read') {
      const input = await readMarkRead(req)
      if (input === null) return sendJson(res, 400, { error: badReadInput }, origins())
      const changed = inbox.markRead(key, 'all' in input ? 'all' : input.ids, ctx.now())
      return sendJson(res, 200, { changed, ...counted() }, origins())
    }
    const page = employeePage({
      language,
      siteName: ctx.siteName(),
      employeeName: nameOf(person, language),
      token: route.token,
      notices: notices(person, language),
      unread: inbox.unread(key),
    })
    sendHtml(res, page, origins())
  }

  async function serveAdmin(
    route: Extract<GadgetRoute, { who: string }>,
    req: IncomingMessage,
    res: ServerResponse,
  ) {
    if ((await tokens.verify('admin', route.token)) === null)
      return sendMessagePage(res, 403, badToken, origins())
    if (route.kind === 'events') {
      return streams.open(
        req,
        res,
        gadgetHeaders(origins(), 'text/event-stream'),
        (send) =>
          ctx.events.subscribe('health.changed', (overview) =>
            send('health', { html: healthTable(overview, route.language) }),
          ),
        async () => (await tokens.verify('admin', route.token)) !== null,
      )
    }
    sendHtml(res, adminPage(ctx.health.overview(), route.language, ctx.siteName(), route.token), origins())
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const route = gadgetRoute(req.method ?? 'GET', req.url ?? '/')
    if (route === null) return sendMessagePage(res, 404, notFound, origins())
    if (route.kind === 'script') return sendScript(res, origins())
    return route.who === 'employee' ? serveEmployee(route, req, res) : serveAdmin(route, req, res)
  }

  function baseUrl(): string {
    const base = ctx.publicBaseUrl() ?? ctx.localBaseUrl?.() ?? null
    if (base === null) throw noPlaceToServe
    return base.endsWith('/') ? base : `${base}/`
  }

  return {
    handlers: {
      'notice.gadget.url': async ({ employeeKey }) => {
        const base = baseUrl()
        if (employeeKey === undefined) {
          return { url: `${base}${mountPrefix}/a/${await tokens.token({ kind: 'admin' })}`, expiresAt: null }
        }
        if (employee(employeeKey) === null) {
          throw new ApiError('not-found', {
            ja: `社員「${employeeKey}」はホームディレクトリにいません。`,
            en: `There is no employee "${employeeKey}" in the home directory.`,
          })
        }
        const token = await tokens.token({ kind: 'employee', employeeKey })
        return { url: `${base}${mountPrefix}/e/${token}`, expiresAt: null }
      },
      'notice.gadget.rotate': async () => {
        await tokens.rotate()
        // Streams opened with the old key end too; the pages' reconnects are then refused.
        streams.closeAll()
        const rotatedAt = ctx.now()
        ctx.history.append({
          direction: 'local',
          category: 'audit',
          level: 'info',
          message: 'お知らせガジェットの鍵を更新しました。これまでのガジェット URL はすべて無効です。',
          messageEn: 'The notice gadget key was renewed: every gadget URL handed out so far no longer works.',
        })
        return { rotatedAt }
      },
    },
    mount: {
      prefix: mountPrefix,
      handle: (req, res) => {
        serve(req, res).catch((error: unknown) => {
          // The URL holds the token: only the reason is logged, never the request line.
          console.error('renkei: gadget request failed:', error instanceof Error ? error.message : error)
          if (!res.headersSent) sendMessagePage(res, 500, internalError, origins())
          else res.end()
        })
      },
    },
    close: () => streams.closeAll(),
  }
}
