import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import type { Localized } from '../../../../shared/model/localized'
import type { NoticeLanguage } from '../../../../shared/model/notices'
import { gadgetHeaders } from './gadget-html'
import { gadgetScript } from './gadget-script'
import type { GadgetSubject } from './gadget-token'

/** What a gadget request asks for, from the URL below the mount. */
export type GadgetRoute =
  | { readonly kind: 'script' }
  | {
      readonly kind: 'page' | 'events' | 'read'
      readonly who: GadgetSubject['kind']
      readonly token: string
      readonly language: NoticeLanguage
    }

export function gadgetRoute(method: string, url: string): GadgetRoute | null {
  const parsed = URL.parse(url, 'http://gadget')
  if (parsed === null) return null
  const language: NoticeLanguage = parsed.searchParams.get('lang') === 'en' ? 'en' : 'ja'
  const path = parsed.pathname
  if (method === 'GET' && path === '/gadget.js') return { kind: 'script' }
  const match = /^\/([ea])\/([^/]+)(\/events|\/read)?$/.exec(path)
  if (match === null) return null
  const who = match[1] === 'e' ? 'employee' : 'admin'
  const token = match[2]!
  const kind = match[3] === '/events' ? 'events' : match[3] === '/read' ? 'read' : 'page'
  const expected = kind === 'read' ? 'POST' : 'GET'
  if (method !== expected || (kind === 'read' && who === 'admin')) return null
  return { kind, who, token, language }
}

export const notFound: Localized = {
  ja: 'このお知らせガジェットのページはありません。',
  en: 'There is no such notice gadget page.',
}
export const badToken: Localized = {
  ja: 'このガジェットの URL は無効です（鍵が更新された可能性があります）。管理者に新しい URL を依頼してください。',
  en: 'This gadget URL is not valid (its key may have been renewed). Ask your administrator for a new URL.',
}
export const unknownEmployee: Localized = {
  ja: 'この URL の社員はホームディレクトリにいません。',
  en: 'The employee of this URL is not in the home directory.',
}

export function sendScript(res: ServerResponse, portalOrigins: readonly string[]): void {
  res.writeHead(200, gadgetHeaders(portalOrigins, 'text/javascript; charset=utf-8')).end(gadgetScript)
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  portalOrigins: readonly string[],
): void {
  res
    .writeHead(status, gadgetHeaders(portalOrigins, 'application/json; charset=utf-8'))
    .end(JSON.stringify(body))
}

export function sendHtml(res: ServerResponse, html: string, portalOrigins: readonly string[]): void {
  res.writeHead(200, gadgetHeaders(portalOrigins, 'text/html; charset=utf-8')).end(html)
}

/** `POST e/<token>/read`: some notices by id, or all. */
export const markReadInput = z.union([
  z.object({ ids: z.array(z.number().int().positive()).min(1).max(100) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
])

const maxBodyBytes = 16 * 1024

export const badReadInput: Localized = {
  ja: '既読にする内容が正しくありません（{"ids":[番号…]} か {"all":true} を JSON で送ってください）。',
  en: 'The mark-read request is not valid (send {"ids":[numbers…]} or {"all":true} as JSON).',
}

/** The JSON body of a mark-read request, or null when it is too large, not JSON or not the expected shape. */
export async function readMarkRead(req: IncomingMessage): Promise<z.infer<typeof markReadInput> | null> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return null
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > maxBodyBytes) return null
    chunks.push(chunk as Buffer)
  }
  try {
    const parsed = markReadInput.safeParse(JSON.parse(Buffer.concat(chunks).toString('utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
