import type { Command } from 'commander'
import type { CertificateSummary, NetworkTestResult } from '../../shared/model/network'
import { routeText } from '../core/network/network-messages'
import { printJson } from './cli-output'
import { withCore, type GlobalOptions } from './with-core'

const certificateLine = (cert: CertificateSummary, index: number): string =>
  `  ${index}. ${cert.subject}\n     issuer: ${cert.issuer}\n     valid to: ${cert.validTo}`

/** The test result for a terminal: the path taken, the HTTP status and the chain, Japanese then English. */
export function formatNetworkTest(result: NetworkTestResult): string {
  const route = routeText(result.route)
  const out = [
    `URL: ${result.url}`,
    `route: ${route.ja} / ${route.en}`,
    `HTTP: ${result.status ?? '-'}  (${result.elapsedMs} ms)`,
  ]
  if (result.chain.length > 0) {
    out.push(`certificate chain (${result.trusted ? 'trusted' : 'NOT trusted'}):`)
    out.push(...result.chain.map((cert, index) => certificateLine(cert, index)))
  }
  if (result.error) out.push(`renkei: ${result.error.ja}`, `renkei: ${result.error.en}`)
  return `${out.join('\n')}\n`
}

export function registerNetworkCommands(program: Command, globals: () => GlobalOptions): void {
  const network = program.command('network').description('the network layer: proxy and trusted CAs')
  network
    .command('test')
    .description(
      'one GET through the network layer: the path taken (direct or which proxy) and the certificate chain',
    )
    .argument('<url>', 'http:// or https:// URL')
    .option('--json', 'print JSON')
    .action(async (url: string, options: { json?: boolean }) => {
      await withCore(globals(), async (core) => {
        const result = await core.api['network.test']({ url })
        if (options.json) printJson(result)
        else process.stdout.write(formatNetworkTest(result))
        // Scripts can tell a failed connection from a working one.
        if (result.status === null) process.exitCode = 1
      })
    })
}
