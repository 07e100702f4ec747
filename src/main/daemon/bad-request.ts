import type { IncomingMessage, ServerResponse } from 'node:http'

/** What a client gets for a request line no URL can be made of (a broken % escape, "//["): its mistake, 400. */
export const badRequestText =
  '不正な URL です（% エンコードなどが壊れています）。\nBad request: the URL is malformed (a broken % escape or similar).\n'

/** The request's URL, or null when it cannot be parsed (the caller answers 400). */
export function requestUrl(request: IncomingMessage): URL | null {
  return URL.parse(request.url ?? '/', 'http://127.0.0.1')
}

export function sendBadRequest(response: ServerResponse): void {
  response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end(badRequestText)
}
