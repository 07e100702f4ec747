import type { IncomingMessage, ServerResponse } from 'node:http'
import { daemonRoutes } from '../../shared/bridge'
import type { Core } from '../core/core-types'
import { bearerToken, type AccessGuard } from './access-guard'
import { requestUrl, sendBadRequest } from './bad-request'
import { noticePathPrefix, serveNoticeMount } from './notice-mounts'
import { serveStatic } from './static-files'

const maxBodyBytes = 1024 * 1024

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  })
  response.end(JSON.stringify(body))
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > maxBodyBytes) throw new Error('Request body is larger than 1 MiB')
    chunks.push(chunk as Buffer)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  return text === '' ? {} : (JSON.parse(text) as unknown)
}

/** POST /api/call/<method>: the contract over HTTP, one generic route, no per-method glue. */
export function createRequestHandler(core: Core, guard: AccessGuard, rendererRoot: string) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = requestUrl(request)
    if (url === null) return sendBadRequest(response)
    if (url.pathname.startsWith(noticePathPrefix))
      return serveNoticeMount(core.notices.mounts, request, response)
    if (!url.pathname.startsWith('/api/')) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return void response.writeHead(405).end()
      return serveStatic(rendererRoot, url.pathname, request, response)
    }
    const verdict = guard.check(request, bearerToken(request))
    if (!verdict.ok) return sendJson(response, verdict.status, { error: verdict.reason })
    const prefix = `${daemonRoutes.call}/`
    if (request.method !== 'POST' || !url.pathname.startsWith(prefix)) {
      return sendJson(response, 404, { error: 'Unknown API route' })
    }
    let input: unknown
    try {
      input = await readJson(request)
    } catch (error) {
      return sendJson(response, 400, { error: error instanceof Error ? error.message : 'Bad request body' })
    }
    sendJson(response, 200, await core.invoke(url.pathname.slice(prefix.length), input))
  }
}
