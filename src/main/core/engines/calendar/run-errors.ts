import type { Localized } from '../../../../shared/model/localized'
import type { NewHistoryEntry } from '../../../../shared/model/history'
import { ConnectorError } from '../../connectors/connector-error'

const kindLabels: Record<ConnectorError['kind'] | 'internal', Localized> = {
  transient: {
    ja: '一時的なエラー（次回の同期で再試行します）',
    en: 'temporary error (retried at the next sync)',
  },
  quota: { ja: '利用上限（サーバーが制限中です）', en: 'quota (the server is limiting requests)' },
  auth: { ja: '認証エラー', en: 'authentication error' },
  permanent: {
    ja: '設定かデータの誤り（直すまで続きます）',
    en: 'wrong settings or data (persists until fixed)',
  },
  conflict: { ja: '競合（同時に変更されました）', en: 'conflict (changed at the same time)' },
  internal: { ja: '内部エラー', en: 'internal error' },
}

export interface ClassifiedError {
  readonly kind: ConnectorError['kind'] | 'internal'
  readonly message: Localized
  readonly serverAnswer: string | null
}

/** Every failure as the history shows it: what it means, its class, and the server's own answer. */
export function classify(error: unknown): ClassifiedError {
  if (error instanceof ConnectorError) {
    return { kind: error.kind, message: error.localized, serverAnswer: error.serverAnswer }
  }
  const text = error instanceof Error ? error.message : String(error)
  return {
    kind: 'internal',
    message: {
      ja: `予期しないエラーが発生しました: ${text}`,
      en: `An unexpected error occurred: ${text}`,
    },
    serverAnswer: null,
  }
}

export function errorHistoryEntry(
  user: string,
  error: ClassifiedError,
  context: Localized,
  extra: Record<string, unknown> = {},
): NewHistoryEntry {
  const label = kindLabels[error.kind]
  return {
    site: user,
    direction: 'send',
    category: 'calendar',
    level: 'error',
    message: `${context.ja}: ${error.message.ja}［${label.ja}］`,
    messageEn: `${context.en}: ${error.message.en} [${label.en}]`,
    detail: { kind: error.kind, serverAnswer: error.serverAnswer, ...extra },
  }
}
