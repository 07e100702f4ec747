/**
 * For the kill -9 test over HTTPS: site A alone in this process (argv: its data directory and the keychain
 * service holding its site key), with its own partner endpoint and the real client. It sends everything to
 * its linked partner with 「今すぐ送信」 and says `done` when the partner acknowledged the last batch.
 */
import { KeychainSecretStore } from '../../src/main/core/secrets/keychain-secret-store'
import { openTestCore } from './test-core'

const [dataDir, service] = process.argv.slice(2)

async function main(): Promise<void> {
  const core = await openTestCore(dataDir!, {
    secrets: new KeychainSecretStore(service),
    listenForPartners: true,
    environment: {},
  })
  const result = await core.api['link.sendNow']({})
  process.stdout.write(`done ${JSON.stringify(result)}\n`)
  await core.close()
}

void main()
