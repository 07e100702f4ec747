/**
 * The Mailman connection of the target part, built afresh for each call from the settings as they are now and
 * the REST password read from the keychain then (never kept). Every gap is reported at once, in ja/en, before
 * anything is sent.
 */
import { join } from 'node:path'
import type { Localized } from '../../../../shared/model/localized'
import { roomMailmanPasswordSecret, type RoomTargetConfig } from '../../../../shared/model/rooms'
import { ConnectorError } from '../../connectors/connector-error'
import { MailmanConnector } from '../../connectors/mailman/mailman-connector'
import { FileDecorationPublisher } from '../../connectors/mailman/mailman-decoration'
import { MailmanHttp, restRoot, type MailmanSettings } from '../../connectors/mailman/mailman-http'
import { isMailmanAddress } from '../../connectors/mailman/mailman-limits'
import type { RoomContext } from './room-context'

export interface TargetConnection {
  readonly connector: MailmanConnector
  /** For the few reads the connector has no method for (the domain probe of `rooms.target.test`). */
  readonly http: MailmanHttp
  readonly mailDomain: string
}

/** Where the header/footer texts are written: the configured folder, else room-decorations in the data dir. */
export function decorationsDirOf(config: RoomTargetConfig, dataDir: string | undefined): string | null {
  if (config.decorationsDir !== '') return config.decorationsDir
  return dataDir === undefined ? null : join(dataDir, 'room-decorations')
}

function settingProblems(config: RoomTargetConfig): Localized[] {
  const problems: Localized[] = []
  if (config.restUrl === '')
    problems.push({
      ja: 'Mailman REST API の URL（例: http://127.0.0.1:8001/3.1）',
      en: 'the Mailman REST API URL (e.g. http://127.0.0.1:8001/3.1)',
    })
  else {
    try {
      restRoot(config.restUrl)
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error
      problems.push(error.localized)
    }
  }
  if (config.username === '')
    problems.push({
      ja: 'REST API の管理ユーザー名（mailman.cfg の [webservice] admin_user）',
      en: "the REST admin user (mailman.cfg's [webservice] admin_user)",
    })
  if (config.mailDomain === '' || !isMailmanAddress(`room@${config.mailDomain}`))
    problems.push({
      ja: `会議室のメーリングリストのメールドメイン（例: rooms.example.com）${config.mailDomain === '' ? '' : `。「${config.mailDomain}」は使えません`}`,
      en: `the rooms' mail domain (e.g. rooms.example.com)${config.mailDomain === '' ? '' : `; "${config.mailDomain}" cannot be used`}`,
    })
  return problems
}

function publisherOf(dir: string | null, problems: Localized[]): FileDecorationPublisher | null {
  if (dir === null) {
    problems.push({
      ja: 'ヘッダー・フッターの保存先フォルダー（decorationsDir、Mailman が読める絶対パス）',
      en: 'the header/footer folder (decorationsDir, an absolute path Mailman can read)',
    })
    return null
  }
  try {
    return new FileDecorationPublisher(dir)
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error
    problems.push(error.localized)
    return null
  }
}

const incomplete = (problems: readonly Localized[]): ConnectorError =>
  new ConnectorError('permanent', {
    ja: `会議室の連携先 Mailman の設定が足りないか正しくありません。設定してください: ${problems.map((p) => p.ja).join(' / ')}。何も送信していません。`,
    en: `The rooms' Mailman target is not set up completely; set: ${problems.map((p) => p.en).join('; ')}. Nothing was sent.`,
  })

/** Checks the settings and the keychain's password together; throws one permanent ConnectorError listing every gap. */
export async function connectTarget(
  ctx: Pick<RoomContext, 'secrets' | 'fetch' | 'dataDir'>,
  config: RoomTargetConfig,
): Promise<TargetConnection> {
  const problems = settingProblems(config)
  const publisher = publisherOf(decorationsDirOf(config, ctx.dataDir), problems)
  const password = await ctx.secrets.get(roomMailmanPasswordSecret)
  if (password === null || password === '')
    problems.push({
      ja: `REST API のパスワード（キーチェーンの ${roomMailmanPasswordSecret}）`,
      en: `the REST API password (keychain entry ${roomMailmanPasswordSecret})`,
    })
  if (problems.length > 0 || publisher === null || password === null) throw incomplete(problems)
  const settings: MailmanSettings = { baseUrl: config.restUrl, adminUser: config.username }
  return {
    connector: new MailmanConnector(settings, password, { decorations: publisher, fetch: ctx.fetch }),
    http: new MailmanHttp(settings, password, ctx.fetch),
    mailDomain: config.mailDomain.toLowerCase(),
  }
}
