/**
 * The inbound XMPP source over direct TLS (xmpps://) to a Debian Prosody started by the test with a
 * certificate from a throwaway test CA: Renkei trusts the server only through the network settings' trusted
 * CAs (nothing else in the process trusts that CA), signs in and takes a chat message; without that CA it
 * refuses the server and says why.
 */
import { client, xml } from '@xmpp/client'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import { openInboundPart, type InboundUnderTest } from '../support/notice-inbound-parts'
import { makePartnerCerts } from '../support/partner-certs'
import { startProsody, type Prosody } from '../support/notice-prosody-inbound'

const password = 'renkei-xmpps-password-0123'

describe('inbound XMPP source over xmpps:// against Debian prosody', () => {
  const certs = makePartnerCerts(['127.0.0.1'], 'Renkei Test XMPP CA')
  let prosody: Prosody
  const parts: InboundUnderTest[] = []

  const lines = (part: InboundUnderTest) =>
    part.history.search({ category: 'notices' }, 50).entries.map((entry) => entry.messageEn ?? '')

  const openWith = async (trustedCaPems: readonly string[]): Promise<InboundUnderTest> => {
    const part = openInboundPart({ secrets: new MemorySecretStore(), now: () => Date.now(), trustedCaPems })
    parts.push(part)
    await part.part.handlers['notice.sources.save']({
      source: {
        id: 'secure',
        name: '社内チャット（TLS）',
        kind: 'xmpp',
        enabled: true,
        xmpp: { service: `xmpps://127.0.0.1:${prosody.tlsPort}`, domain: prosody.domain, username: 'renkei' },
      },
      secret: password,
    })
    await part.part.start()
    return part
  }

  beforeAll(async () => {
    prosody = await startProsody(certs.sites[0])
    prosody.register('renkei', password)
    prosody.register('user3', 'user3-password')
  }, 30_000)

  afterAll(async () => {
    for (const part of parts) await part.close()
    await prosody?.close()
  })

  it('trusting the test CA through the network settings, Renkei signs in over TLS and takes a message', async () => {
    const inbound = await openWith([certs.caPem])
    await vi.waitFor(() => expect(lines(inbound).some((l) => l.includes('Signed in'))).toBe(true), {
      timeout: 15_000,
    })
    const sender = client({
      service: `xmpp://127.0.0.1:${prosody.port}`,
      domain: prosody.domain,
      credentials: (authenticate) => authenticate({ username: 'user3', password: 'user3-password' }, 'PLAIN'),
    })
    sender.on('error', () => {})
    await sender.start()
    await sender.send(
      xml(
        'message',
        { type: 'chat', to: `renkei@${prosody.domain}`, id: 's-1' },
        xml('body', {}, '@user7 TLS 経由'),
      ),
    )
    await vi.waitFor(() => expect(inbound.intake.taken).toHaveLength(1), { timeout: 5_000 })
    expect(inbound.intake.taken[0]?.event).toMatchObject({ kind: 'chat.message', addressees: ['user7'] })
    await sender.stop()
  }, 30_000)

  it('without the test CA the server is refused, with the certificate problem named', async () => {
    const inbound = await openWith([])
    await vi.waitFor(
      () => expect(lines(inbound).some((l) => l.includes('certificate is not trusted'))).toBe(true),
      {
        timeout: 10_000,
      },
    )
    expect(lines(inbound).some((l) => l.includes('Signed in'))).toBe(false)
  })
})
