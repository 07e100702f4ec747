/**
 * A response-rewriting layer in front of a real SCIM server, for listing faults no server on the project
 * gives by itself (tests using it say "(injected fault)"). `underReportTotals` reproduces python
 * scim2-server, which answers totalResults = the length of the page; `ignoreStartIndex` a server that
 * always sends the first page; `failPagesFrom` listing pages that keep failing; `refuseExcludedAttributes`
 * a server that answers 400 to a listing asking to leave attributes out (RFC 7644 §3.4.2.5). Everything
 * else passes through unchanged, so paging, filters and writes are the real server's. It also counts the
 * requests it has in flight at once, to show a client's concurrency.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ListingFaults {
  underReportTotals: boolean
  ignoreStartIndex: boolean
  /** Listing GETs with a startIndex at or beyond this answer 500; null: none fail. */
  failPagesFrom: number | null
  /** The status those pages answer (500 is retried by clients, 400 is not). */
  failStatus: number
  /** Listing GETs with `excludedAttributes` answer 400 invalidValue. */
  refuseExcludedAttributes: boolean
}

export interface RunningRewritingProxy {
  /** The upstream base URL with this proxy's origin, e.g. http://127.0.0.1:PORT/scim/v2 */
  readonly baseUrl: string
  readonly faults: ListingFaults
  /** Requests seen, as `METHOD /path?query` below the origin. */
  requests(): string[]
  /** The most requests this layer has had in flight at once. */
  maxInFlight(): number
  stop(): Promise<void>
}

const isListing = (method: string, url: URL): boolean =>
  method === 'GET' && /\/(Users|Groups)$/.test(url.pathname) && !url.searchParams.has('filter')

function rewriteListing(text: string, faults: ListingFaults): string {
  const body = JSON.parse(text) as { Resources?: unknown[]; totalResults?: number }
  if (faults.underReportTotals) body.totalResults = body.Resources?.length ?? 0
  return JSON.stringify(body)
}

function forward(upstream: URL, faults: ListingFaults, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', upstream.origin)
  const listing = isListing(req.method ?? '', url)
  const startIndex = Number(url.searchParams.get('startIndex') ?? '1')
  if (listing && faults.failPagesFrom !== null && startIndex >= faults.failPagesFrom) {
    res.writeHead(faults.failStatus, { 'content-type': 'application/scim+json' })
    res.end(JSON.stringify({ status: String(faults.failStatus), detail: 'injected listing failure' }))
    return
  }
  if (listing && faults.refuseExcludedAttributes && url.searchParams.has('excludedAttributes')) {
    res.writeHead(400, { 'content-type': 'application/scim+json' })
    res.end(JSON.stringify({ status: '400', scimType: 'invalidValue', detail: 'excludedAttributes refused' }))
    return
  }
  if (listing && faults.ignoreStartIndex) url.searchParams.set('startIndex', '1')
  const out = request(url, { method: req.method, headers: req.headers }, (answer) => {
    const chunks: Buffer[] = []
    answer.on('data', (chunk: Buffer) => chunks.push(chunk))
    answer.on('end', () => {
      let text = Buffer.concat(chunks).toString('utf8')
      const ok = (answer.statusCode ?? 0) === 200
      if (listing && ok && text !== '') text = rewriteListing(text, faults)
      const headers = { ...answer.headers, 'content-length': String(Buffer.byteLength(text)) }
      delete headers['transfer-encoding']
      res.writeHead(answer.statusCode ?? 502, headers)
      res.end(text)
    })
  })
  out.on('error', (error) => {
    res.writeHead(502)
    res.end(String(error))
  })
  req.pipe(out)
}

/** Starts the layer on 127.0.0.1 in front of `upstreamBaseUrl`; no fault is on until a test sets one. */
export async function startRewritingProxy(upstreamBaseUrl: string): Promise<RunningRewritingProxy> {
  const upstream = new URL(upstreamBaseUrl)
  const faults: ListingFaults = {
    underReportTotals: false,
    ignoreStartIndex: false,
    failPagesFrom: null,
    failStatus: 500,
    refuseExcludedAttributes: false,
  }
  const log: string[] = []
  let inFlight = 0
  let maxInFlight = 0
  const server = createServer((req, res) => {
    log.push(`${req.method ?? ''} ${decodeURIComponent(req.url ?? '')}`)
    maxInFlight = Math.max(maxInFlight, ++inFlight)
    res.on('close', () => void inFlight--)
    forward(upstream, faults, req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}${upstream.pathname}`,
    faults,
    requests: () => [...log],
    maxInFlight: () => maxInFlight,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
        server.closeAllConnections()
      }),
  }
}
