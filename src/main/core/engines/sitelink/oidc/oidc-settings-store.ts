/**
 * The OpenID Connect provider mode's settings (`link.oidc.*`): one JSON document in the settings table
 * (`sitelink.oidc`). Client secrets live in the keychain only (`sitelink.oidc.client.<clientId>`, set
 * through `secrets.set`); answers say whether one is set, never what it is.
 */
import { z } from 'zod'
import { ApiError } from '../../../../../shared/model/errors'
import type { Localized } from '../../../../../shared/model/localized'
import {
  oidcClient,
  oidcClientSecretName,
  type OidcClient,
  type OidcSettings,
  type OidcSettingsInput,
} from '../../../../../shared/model/sitelink-rules'
import { JsonSetting } from '../../../settings/json-setting'
import type { SecretStore } from '../../../secrets/secret-store'
import type { Db } from '../../../store/database'

const oidcDocument = z
  .object({
    enabled: z.boolean().default(false),
    clients: z.array(oidcClient).default([]),
  })
  .strict()
export type OidcDocument = z.output<typeof oidcDocument>

/** Below the link URL: the issuer partners' groupware is configured with. */
export const oidcIssuerPath = 'renkei-link/v1/oidc'

export function issuerFor(linkUrl: string | null): string | null {
  if (linkUrl === null) return null
  return `${linkUrl.endsWith('/') ? linkUrl : `${linkUrl}/`}${oidcIssuerPath}`
}

const loopbackHosts = new Set(['localhost', '[::1]'])
const isLoopback = (host: string): boolean => loopbackHosts.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host)

/** https everywhere; plain http only to this machine (an RP under test, RFC 8252 style). */
function insecureUri(uri: string): boolean {
  const url = new URL(uri)
  if (url.protocol === 'https:') return false
  return url.protocol !== 'http:' || !isLoopback(url.hostname)
}

function refused(problem: Localized): ApiError {
  return new ApiError('invalid-input', {
    ja: `OpenID Connect の設定を変更できません。何も変更していません（${problem.ja}）`,
    en: `The OpenID Connect settings cannot be changed; nothing was changed (${problem.en})`,
  })
}

function check(clients: readonly OidcClient[]): void {
  const seen = new Set<string>()
  for (const client of clients) {
    if (seen.has(client.clientId)) {
      throw refused({
        ja: `クライアントID「${client.clientId}」が重複しています`,
        en: `the client id "${client.clientId}" is used twice`,
      })
    }
    seen.add(client.clientId)
    const uris = [
      ...client.redirectUris,
      ...(client.initiateLoginUri === null ? [] : [client.initiateLoginUri]),
    ]
    const insecure = uris.find(insecureUri)
    if (insecure !== undefined) {
      throw refused({
        ja: `「${client.name}」のURL ${insecure} は https ではありません（http はこのコンピューター上のアドレスだけ使えます）`,
        en: `the URL ${insecure} of "${client.name}" is not https (http is allowed only for this computer's own addresses)`,
      })
    }
  }
}

export class OidcSettingsStore {
  private readonly doc: JsonSetting<typeof oidcDocument>

  constructor(
    db: Db,
    private readonly secrets: SecretStore,
    private readonly linkUrl: () => string | null,
  ) {
    this.doc = new JsonSetting(db, 'sitelink.oidc', oidcDocument, {
      ja: 'OpenID Connect の設定',
      en: 'OpenID Connect settings',
    })
  }

  document(): OidcDocument {
    return this.doc.get()
  }

  issuer(): string | null {
    return issuerFor(this.linkUrl())
  }

  async secretOf(clientId: string): Promise<string | null> {
    return this.secrets.get(oidcClientSecretName(clientId))
  }

  async settings(): Promise<OidcSettings> {
    const { enabled, clients } = this.doc.get()
    const names = new Set(await this.secrets.names())
    return {
      enabled,
      issuer: this.issuer(),
      clients: clients.map((client) => ({
        ...client,
        secretSet: names.has(oidcClientSecretName(client.clientId)),
      })),
    }
  }

  /** Replaces the whole document (the input is already parsed by the API contract). */
  update(input: OidcSettingsInput): { before: OidcDocument; after: OidcDocument } {
    const parsed = oidcDocument.parse(input)
    check(parsed.clients)
    const before = this.doc.get()
    this.doc.save(parsed)
    return { before, after: parsed }
  }
}
