/**
 * The sending site of bench/sitelink-bench.ts, in its own process: site A's core, 「今すぐ送信」 to the
 * receiver's plain HTTP listener, and on the last line what it cost (wall ms until the partner acknowledged
 * everything, peak RSS). Arguments: A's data directory, the receiver's port.
 */
import type { Localized } from '../src/shared/model/localized'
import type { PartnerClient } from '../src/main/core/engines/sitelink/sitelink-ports'
import { siteAt, sitePorts, type TestSite } from '../test/support/exchange-sites'
import { openTestCore } from '../test/support/test-core'

async function main(dir: string, port: string): Promise<void> {
  const a = siteAt('a', 'b', dir) as TestSite
  const client: PartnerClient = {
    getPublic: () => Promise.reject(new Error('unused')),
    async send(_url, request) {
      const response = await fetch(`http://127.0.0.1:${port}/${request.path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-key-id': a.keyId },
        body: JSON.stringify(request.body),
      })
      const body = (await response.json()) as { message?: Localized }
      if (!response.ok) throw new Error(body.message?.en ?? `HTTP ${response.status}`)
      return body
    },
  }
  a.core = await openTestCore(dir, { siteLink: { ...sitePorts(a, () => a.core), client } })
  const start = performance.now()
  const cpu = process.cpuUsage()
  const result = await a.core.api['link.sendNow']({})
  const ms = performance.now() - start
  const used = process.cpuUsage(cpu)
  const cpuMs = (used.user + used.system) / 1000
  await a.core.close()
  const outcome = result.links[0]
  process.stdout.write(
    `${JSON.stringify({ ms, cpuMs, rssMb: process.resourceUsage().maxRSS / 1024, delivered: outcome?.delivered ?? 0, error: outcome?.error?.en ?? null })}\n`,
  )
}

void main(process.argv[2]!, process.argv[3]!)
