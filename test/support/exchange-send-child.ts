/**
 * For the kill -9 test of the site link outbox: sites A and B in this process (argv: A's and B's data
 * directories), A sends everything to B over the in-process transport. After each batch B applied, the
 * process says so and waits a moment before A sees the acknowledgement, so a kill lands between the two.
 */
import type { LinkBatch } from '../../src/main/core/engines/sitelink/exchange/exchange-wire'
import { openTestCore } from './test-core'
import { siteAt, sitePorts, type TestSite } from './exchange-sites'

const [dirA, dirB] = process.argv.slice(2)
const a = siteAt('a', 'b', dirA!) as TestSite
const b = siteAt('b', 'a', dirB!) as TestSite
a.hooks.after = async (request, answer) => {
  const { applied } = answer as { applied: boolean }
  process.stdout.write(`${applied ? 'applied' : 'already-applied'} ${(request.body as LinkBatch).seq}\n`)
  await new Promise((resolve) => setTimeout(resolve, 200))
}

async function main(): Promise<void> {
  a.core = await openTestCore(a.dir, { siteLink: sitePorts(a, () => b.core) })
  b.core = await openTestCore(b.dir, { siteLink: sitePorts(b, () => a.core) })
  const result = await a.core.api['link.sendNow']({})
  process.stdout.write(`done ${JSON.stringify(result)}\n`)
  await a.core.close()
  await b.core.close()
}

void main()
