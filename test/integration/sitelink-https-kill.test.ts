/**
 * kill -9 of the sending site over real HTTPS (issue 12 item 9): A runs in a child process with its own
 * endpoint (127.0.8.1:443) and the real client; B runs here (127.0.8.2:443). B's batch route is wrapped so
 * that, right after B applied a batch and before A hears the acknowledgement, A is killed: the worst moment.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { KeychainSecretStore } from '../../src/main/core/secrets/keychain-secret-store'
import { expectEveryoneReceivedOnce } from '../support/exchange-expect'
import { testEmployee, testSnapshot, writeHome } from '../support/exchange-sites'
import { skipWithoutKeychain } from '../support/keychain'
import { startTsxChild, type TsxChild } from '../support/tsx-child'
import { startTwoSites, type TwoSites } from '../support/two-sites'

const service = `renkei-test-https-kill-${process.pid}`

describe.skipIf(skipWithoutKeychain())('kill -9 of the sender over HTTPS (gnome-keyring)', () => {
  const secrets = new KeychainSecretStore(service)
  let sites: TwoSites
  /** Set while a sender runs: B's route kills it after this many more applied batches. */
  let killAfter: number | null = null
  let sender: TsxChild | null = null
  let applied = 0
  let alreadyApplied = 0

  beforeAll(async () => {
    sites = await startTwoSites({ addresses: ['127.0.8.1', '127.0.8.2'], options: [{ secrets }] })
    const { a, b } = sites
    await a.core.api['link.site.update']({
      companyName: 'A社',
      siteName: 'A',
      linkUrl: a.linkUrl,
      adminName: '管理者A',
    })
    await b.core.api['link.site.update']({
      companyName: 'B社',
      siteName: 'B',
      linkUrl: b.linkUrl,
      adminName: '管理者B',
    })
    const { url } = await a.core.api['link.request']({})
    await b.core.api['link.accept']({ url })
    const [link] = (await a.core.api['link.list']({})).links
    await a.core.api['link.start']({ id: link!.id, confirmPeak: true })
    // The first transfer (an empty directory) is through before A leaves this process.
    await vi.waitFor(async () =>
      expect((await a.core.api['link.activity']({ id: link!.id })).pendingBatches).toBe(0),
    )
    await vi.waitFor(async () =>
      expect((await a.core.api['link.get']({ id: link!.id })).summary.sending).toBe(false),
    )
    await a.core.close()
    writeHome(a.dataDir, testSnapshot(Array.from({ length: 12_000 }, (_, i) => testEmployee(i + 1))))

    const routes = b.core.sitelink.routes().map((route) =>
      route.path !== 'renkei-link/v1/batches'
        ? route
        : {
            ...route,
            handle: async (request: Parameters<typeof route.handle>[0]) => {
              const response = await route.handle(request)
              const ack = response.body as { applied?: boolean }
              if (ack.applied === true) applied++
              if (ack.applied === false) alreadyApplied++
              if (ack.applied === true && killAfter !== null && --killAfter === 0) await sender!.kill()
              return response
            },
          },
    )
    b.core.sitelink.endpoint.setRoutes(routes)
  }, 60_000)

  afterAll(async () => {
    await sender?.kill()
    await sites?.close()
    for (const name of await secrets.names()) await secrets.delete(name)
  })

  /** Runs A's 「今すぐ送信」 in a child, killed by B's route after `after` applied batches (null: to the end). */
  async function runSender(after: number | null): Promise<{ signal: string | null; stdout: string }> {
    killAfter = after
    sender = startTsxChild('test/support/https-send-child.ts', [sites.a.dataDir, service])
    const { code, signal, stdout, stderr } = await sender.exited
    if (signal === null && code !== 0) throw new Error(`sender exited ${code}: ${stderr}`)
    return { signal, stdout }
  }

  it("killed right after B applied a batch, restarted: B holds everyone once, A's outbox is empty", async () => {
    expect((await runSender(2)).signal).toBe('SIGKILL')
    expect((await runSender(1)).signal).toBe('SIGKILL')
    const last = await runSender(null)
    expect(last.stdout).toMatch(/^done /m)

    // Each kill came after B applied and before A saw the acknowledgement: A sent that batch again, and B
    // acknowledged it without applying it twice.
    expect(alreadyApplied).toBeGreaterThanOrEqual(2)
    expectEveryoneReceivedOnce(sites.a.dataDir, sites.b.dataDir, 12_000)
    expect(applied).toBeGreaterThanOrEqual(6)
  }, 180_000)
})
