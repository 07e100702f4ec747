import { directorySecretNames } from '../../../../shared/model/directory-config'
import type { Localized } from '../../../../shared/model/localized'
import { ConnectorError } from '../../connectors/connector-error'
import { CsvDirectorySource } from '../../connectors/csv/csv-directory-source'
import { LdapDirectorySource } from '../../connectors/ldap/ldap-directory-source'
import { LdapDirectoryTarget } from '../../connectors/ldap/ldap-directory-target'
import { ScimDirectoryTarget } from '../../connectors/scim/scim-directory-target'
import type { NetworkLayer } from '../../network/network-layer'
import type { SecretStore } from '../../secrets/secret-store'
import type { DirectoryConnectorFactory } from './directory-engine'

async function required(
  secrets: SecretStore,
  name: string,
  what: Localized,
  typed: string | undefined,
): Promise<string> {
  const value = typed ?? (await secrets.get(name))
  if (value) return value
  throw new ConnectorError('auth', {
    ja: `${what.ja}が設定されていません。ディレクトリ画面で入力してください。`,
    en: `The ${what.en} is not set. Enter it on the Directory screen.`,
  })
}

/**
 * Connectors for the configured source and target, with their secrets fetched from the keychain per run
 * (or, for a connection test of a form, the secret typed there: used for that test, never stored). HTTP goes
 * through the network layer; LDAPS trusts the layer's CA list.
 */
export function createConnectorFactory(
  secrets: SecretStore,
  network: NetworkLayer,
): DirectoryConnectorFactory {
  return {
    async source(config, typed) {
      if (config.kind === 'csv') return new CsvDirectorySource(config)
      if (config.kind === 'ldap') {
        const what = { ja: 'ソース LDAP のバインドパスワード', en: 'source LDAP bind password' }
        return new LdapDirectorySource(
          config,
          await required(secrets, directorySecretNames.sourceLdapPassword, what, typed),
          { trustedCas: network.caList() },
        )
      }
      return null
    },
    async target(config, typed) {
      if (config.kind === 'ldap') {
        const what = { ja: '反映先 LDAP のバインドパスワード', en: 'target LDAP bind password' }
        return new LdapDirectoryTarget(
          config,
          await required(secrets, directorySecretNames.targetLdapPassword, what, typed),
          { trustedCas: network.caList() },
        )
      }
      if (config.kind === 'scim') {
        const what = { ja: 'SCIM のベアラートークン', en: 'SCIM bearer token' }
        return new ScimDirectoryTarget(
          config,
          await required(secrets, directorySecretNames.targetScimToken, what, typed),
          { network },
        )
      }
      return null
    },
    initialPassword: () => secrets.get(directorySecretNames.initialPassword),
  }
}
