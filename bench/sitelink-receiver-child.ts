/**
 * The receiving site of bench/sitelink-bench.ts, in its own process: site B's core behind a plain HTTP
 * listener on 127.0.0.1 that hands each POST to B's batch route, with the caller's key id from a header where
 * the HTTPS listener would pass the verified signature's. Prints its port; `GET /stats` answers its peak RSS.
 * Argument: B's data directory.
 */
import { createServer } from 'node:http'
import { siteAt, sitePorts, type TestSite } from '../test/support/exchange-sites'
import { openTestCore } from '../test/support/test-core'

async function main(dir: string): Promise<void> {
  const b = siteAt('b', 'a', dir) as TestSite
  b.core = await openTestCore(dir, { siteLink: sitePorts(b, () => b.core) })
  const route = b.core.sitelink.routes().find((r) => r.path === 'renkei-link/v1/batches')!
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const answer = (status: number, body: unknown): void => {
        response.writeHead(status, { 'content-type': 'application/json' })
        response.end(JSON.stringify(body))
      }
      if (request.method === 'GET') return answer(200, { rssMb: process.resourceUsage().maxRSS / 1024 })
      route
        .handle({
          method: 'POST',
          path: route.path,
          params: {},
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown,
          keyId: String(request.headers['x-key-id']),
          remoteAddress: '127.0.0.1',
        })
        .then((r) => answer(r.status, r.body))
        .catch((error: unknown) => answer(500, { message: { ja: String(error), en: String(error) } }))
    })
  })
  server.listen(0, '127.0.0.1', () => {
    const address = server.address()
    process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`)
  })
}

void main(process.argv[2]!)
