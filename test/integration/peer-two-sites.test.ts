/**
 * The two-site helper itself (this file: 127.0.6.x:443): both cores listen with certificates from one CA
 * that each of them trusts, and each serves only what its engine registered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testPartnerClient, type TestPartnerClient } from '../support/partner-transport'
import { startTwoSites, type TwoSites } from '../support/two-sites'

describe('two sites', () => {
  let sites: TwoSites
  let client: TestPartnerClient

  beforeAll(async () => {
    sites = await startTwoSites({ addresses: ['127.0.6.1', '127.0.6.2'], basePath: '/renkei/' })
    client = testPartnerClient({ trustedCaPems: [sites.caPem] })
  })
  afterAll(async () => {
    await sites?.close()
    await client?.network.close()
  })

  it('runs both endpoints with CA-issued certificates, each site trusting that CA', async () => {
    for (const [name, site] of [
      ['a', sites.a],
      ['b', sites.b],
    ] as const) {
      const state = await site.core.api['link.endpoint.get']({})
      expect(state, name).toMatchObject({
        running: true,
        error: null,
        settings: { bindAddress: site.address },
      })
      const network = await site.core.api['network.get']({})
      expect(network.trustedCas.map((ca) => ca.certificates[0]!.subject).join(), name).toContain(
        'Renkei Test Link CA',
      )
      site.core.sitelink.endpoint.setRoutes([
        {
          method: 'GET',
          path: 'renkei-link/v1/request/:token',
          auth: 'none',
          handle: async () => ({ status: 200, body: { site: name } }),
        },
      ])
      expect(await client.client.getPublic(`${site.linkUrl}renkei-link/v1/request/t`)).toEqual({ site: name })
    }
  })
})
