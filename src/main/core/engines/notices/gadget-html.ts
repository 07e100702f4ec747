import { createHash } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import type { Localized } from '../../../../shared/model/localized'
import type { NoticeLanguage } from '../../../../shared/model/notices'

/** Everything the groupware or a person wrote goes through here before it is put into a page. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/**
 * Made for a ~320 px portal column: no fixed widths, long words wrap. Inline so the page is one request;
 * allowed by its hash in the CSP (no 'unsafe-inline').
 */
const css = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,"Hiragino Sans","Noto Sans CJK JP",Meiryo,sans-serif;color:#1d2329;background:#fff;overflow-wrap:anywhere}
header{display:flex;flex-wrap:wrap;align-items:center;gap:4px 8px;padding:8px 10px;border-bottom:1px solid #d8dde3;background:#f4f6f8}
h1{font-size:15px;margin:0;flex:1 1 auto}
.count{font-size:12px;color:#b42318;font-weight:700}
.count.none{color:#57606a;font-weight:400}
button{font:inherit;font-size:12px;padding:3px 8px;border:1px solid #8c959f;border-radius:4px;background:#fff;color:#1d2329;cursor:pointer}
nav{font-size:12px}
a{color:#0b5cad}
ul{list-style:none;margin:0;padding:0}
li{padding:8px 10px;border-bottom:1px solid #e6e9ed}
li.unread{background:#fff8e6;cursor:pointer}
.subject{margin:0;font-size:14px;font-weight:400}
li.unread .subject{font-weight:700}
.dot{color:#d1242f;margin-right:4px}
.meta{font-size:12px;color:#57606a}
.text{margin:4px 0 0;white-space:pre-wrap;font-size:13px}
.empty{padding:16px 10px;color:#57606a}
li.part{padding-left:24px}
.updated{padding:6px 10px}
.state{display:inline-block;padding:0 6px;border-radius:8px;font-weight:700;white-space:nowrap}
.state.ok{background:#dafbe1;color:#116329}
.state.failing{background:#ffebe9;color:#a40e26}
.state.stopped{background:#ffebe9;color:#82071e}
.state.warning{background:#fff1c2;color:#7d4e00}
.state.never-run,.state.disabled{background:#eaeef2;color:#424a53}
.errors{color:#a40e26;font-weight:700}
`
const cssHash = `'sha256-${createHash('sha256').update(css).digest('base64')}'`

/**
 * Only real http(s) origins reach `frame-ancestors` (a URL with a path counts as its origin): a value with a
 * space, "," or ";" could add sources or directives, so it is dropped. None left → 'none' (nothing may frame).
 */
export function frameAncestors(portalOrigins: readonly string[]): string {
  const origins = portalOrigins.flatMap((value) => {
    const url = /[\s;,'"]/.test(value) ? null : URL.parse(value)
    return url !== null && (url.protocol === 'https:' || url.protocol === 'http:') ? [url.origin] : []
  })
  return origins.length === 0 ? "'none'" : [...new Set(origins)].join(' ')
}

/**
 * Headers of every gadget answer. No X-Frame-Options: old browsers that know it but not CSP 3 would apply
 * it instead of `frame-ancestors` and refuse the portal the admin allowed; browsers that know both ignore it.
 */
export function gadgetHeaders(portalOrigins: readonly string[], contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': `default-src 'self'; style-src ${cssHash}; base-uri 'none'; form-action 'none'; frame-ancestors ${frameAncestors(portalOrigins)}`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  }
}

export interface PageParts {
  readonly language: NoticeLanguage
  readonly title: string
  /** The page's one script (relative URL, served by the gadget's mount). */
  readonly script: string
  /** `data-*` attributes the script reads (already plain values; escaped here). */
  readonly data: Readonly<Record<string, string>>
  /** Markup built from escaped values only. */
  readonly body: string
}

export function page({ language, title, script, data, body }: PageParts): string {
  const attributes = Object.entries(data)
    .map(([name, value]) => ` data-${name}="${escapeHtml(value)}"`)
    .join('')
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${css}</style></head>
<body${attributes}>${body}<script src="${escapeHtml(script)}"></script></body></html>`
}

/** A page that only says why (bad token, unknown employee); both languages, as the viewer's is unknown. */
export function sendMessagePage(
  res: ServerResponse,
  status: number,
  message: Localized,
  portalOrigins: readonly string[],
): void {
  const body = `<p class="empty" lang="ja">${escapeHtml(message.ja)}</p><p class="empty" lang="en">${escapeHtml(message.en)}</p>`
  const html = `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Renkei</title><style>${css}</style></head><body>${body}</body></html>`
  res.writeHead(status, gadgetHeaders(portalOrigins, 'text/html; charset=utf-8')).end(html)
}

export function formatTime(at: number, language: NoticeLanguage): string {
  return new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(at)
}
