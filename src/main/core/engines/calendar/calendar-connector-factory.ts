import {
  calendarOAuthClientSecretName,
  calendarSecretName,
  type CaldavCalendarConfig,
  type CalendarPairConfig,
  type CalendarSecretSlot,
  type CalendarSettings,
} from '../../../../shared/model/calendar-config'
import { createCalDavConnector } from '../../connectors/caldav/caldav-connector'
import { ConnectorError } from '../../connectors/connector-error'
import { createFeedConnector } from '../../connectors/ics/ics-feed'
import { OAuthTokenSource } from '../../connectors/oauth/token-source'
import type { NetworkLayer } from '../../network/network-layer'
import type { SecretStore } from '../../secrets/secret-store'
import type { CalDavAuth, CalDavConnector, FeedConnector } from './calendar-connectors'

export interface PairConnectors {
  /** An iCalendar feed source (one-way only). */
  readonly feed: FeedConnector | null
  /** A CalDAV source (one-way or two-way). */
  readonly source: CalDavConnector | null
  readonly target: CalDavConnector
}

export interface CalendarConnectorFactory {
  build(pair: CalendarPairConfig, settings: CalendarSettings): Promise<PairConnectors>
  /** The pair's OAuth tokens changed (new authorization, pair removed): drop the cached access token. */
  forget(pairId: string): void
}

/** A password or token the pair needs is not in the keychain; `side` tells diagnostics which check failed. */
export class MissingCredentialError extends ConnectorError {
  constructor(readonly side: 'source' | 'target') {
    const where = side === 'source' ? { ja: '同期元', en: 'source' } : { ja: '同期先', en: 'target' }
    super('auth', {
      ja: `${where.ja}のパスワード（またはトークン）が設定されていません。ユーザーの同期設定で入力して保存してください。`,
      en: `The ${where.en} password (or token) is not set. Enter it in the user's sync settings and save.`,
    })
  }
}

/**
 * Builds a pair's connectors from its settings and the keychain; OAuth token sources are kept per pair so access
 * tokens are reused. Feeds, CalDAV and the token endpoint all fetch through the network layer.
 */
export function createCalendarConnectorFactory(
  secrets: SecretStore,
  now: () => number,
  network: NetworkLayer,
): CalendarConnectorFactory {
  const tokenSources = new Map<string, OAuthTokenSource>()
  const secret = (pairId: string, slot: CalendarSecretSlot): Promise<string | null> =>
    secrets.get(calendarSecretName(pairId, slot))

  async function oauthFor(pair: CalendarPairConfig, settings: CalendarSettings): Promise<OAuthTokenSource> {
    let source = tokenSources.get(pair.id)
    if (!source) {
      source = new OAuthTokenSource({
        client: settings.oauth,
        clientSecret: await secrets.get(calendarOAuthClientSecretName),
        loadRefreshToken: () => secret(pair.id, 'refresh-token'),
        saveRefreshToken: (token) => secrets.set(calendarSecretName(pair.id, 'refresh-token'), token),
        now,
        fetch: network.fetch,
      })
      tokenSources.set(pair.id, source)
    }
    return source
  }

  async function caldav(
    pair: CalendarPairConfig,
    settings: CalendarSettings,
    config: CaldavCalendarConfig,
    side: 'source' | 'target',
  ): Promise<CalDavConnector> {
    let auth: CalDavAuth
    if (config.auth === 'oauth') {
      const tokens = await oauthFor(pair, settings)
      auth = { kind: 'bearer', token: (signal) => tokens.accessToken(signal) }
    } else {
      const password = await secret(pair.id, side)
      if (password === null) throw new MissingCredentialError(side)
      auth = { kind: 'basic', username: config.username, password }
    }
    return createCalDavConnector({ url: config.url }, auth, { fetch: network.fetch })
  }

  return {
    async build(pair, settings) {
      const target = await caldav(pair, settings, pair.target, 'target')
      if (pair.source.kind === 'caldav') {
        return { feed: null, source: await caldav(pair, settings, pair.source, 'source'), target }
      }
      const feedSecret = pair.source.auth === 'none' ? null : await secret(pair.id, 'source')
      if (pair.source.auth !== 'none' && feedSecret === null) throw new MissingCredentialError('source')
      return {
        feed: createFeedConnector(pair.source, feedSecret, { fetch: network.fetch }),
        source: null,
        target,
      }
    },
    forget(pairId) {
      tokenSources.delete(pairId)
    },
  }
}
