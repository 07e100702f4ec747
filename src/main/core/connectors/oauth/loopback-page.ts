import type { ServerResponse } from 'node:http'
import type { Localized } from '../../../../shared/model/localized'

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

/** The short page the browser shows after Google sends it back to Renkei, in both languages. */
export function loopbackPage(message: Localized): string {
  return [
    '<!doctype html>',
    '<html lang="ja"><head><meta charset="utf-8"><title>Renkei</title></head>',
    '<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto; line-height: 1.6">',
    '<h1>Renkei</h1>',
    `<p lang="ja">${escapeHtml(message.ja)}</p>`,
    `<p lang="en">${escapeHtml(message.en)}</p>`,
    '</body></html>',
  ].join('\n')
}

/**
 * Answers and ends the connection, then calls `sent`. The page holds no script, and the URL (with the code)
 * is not passed on as a referrer.
 */
export function sendLoopbackPage(
  response: ServerResponse,
  status: number,
  message: Localized,
  sent: () => void = () => {},
): void {
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    'referrer-policy': 'no-referrer',
    connection: 'close',
  })
  // 'close' also comes when the browser hangs up early, so the wait still ends.
  response.once('close', sent)
  response.end(loopbackPage(message))
}
