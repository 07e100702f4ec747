import type { NewHistoryEntry } from '../../../../shared/model/history'
import type { Localized } from '../../../../shared/model/localized'
import { ConnectorError } from '../../connectors/connector-error'
import { SourceInputError } from './directory-connectors'

/** Why a run could not even plan, in one line for the Dashboard and the notification. */
export function failureMessage(error: unknown): Localized {
  if (error instanceof SourceInputError) {
    const first = error.problems[0]?.message ?? { ja: '', en: '' }
    const more = error.problems.length > 1 ? error.problems.length - 1 : 0
    return {
      ja: `ソースのデータに問題があるため、何も反映しませんでした: ${first.ja}${more ? `（ほか ${more} 件）` : ''}`,
      en: `Nothing was applied because the source data has problems: ${first.en}${more ? ` (and ${more} more)` : ''}`,
    }
  }
  if (error instanceof ConnectorError) return error.localized
  const text = error instanceof Error ? error.message : String(error)
  return { ja: `ディレクトリ同期に失敗しました: ${text}`, en: `Directory sync failed: ${text}` }
}

/** One history line per problem, so the admin can fix them all before the next run. */
export function failureProblems(error: unknown): NewHistoryEntry[] {
  const base = { direction: 'local', category: 'directory', level: 'error' } as const
  if (error instanceof SourceInputError) {
    return error.problems.map((p) => ({
      ...base,
      message: p.message.ja,
      messageEn: p.message.en,
      detail: { location: p.location },
    }))
  }
  const message = failureMessage(error)
  const serverAnswer = error instanceof ConnectorError ? error.serverAnswer : null
  return [{ ...base, message: message.ja, messageEn: message.en, detail: { serverAnswer } }]
}
