import type { SourceNotice } from '../../../../shared/model/directory'
import type { NewHistoryEntry } from '../../../../shared/model/history'
import type { Localized } from '../../../../shared/model/localized'
import { ConnectorError } from '../../connectors/connector-error'
import { SourceInputError } from './directory-connectors'

/** History lines per failed run: enough to work from; the preview lists every problem. */
const maxHistoryProblems = 1000

function total(error: SourceInputError): number {
  return error.problems.length + error.omitted
}

/** Why a run could not even plan, in one line for the Dashboard and the notification. */
export function failureMessage(error: unknown): Localized {
  if (error instanceof SourceInputError) {
    const first = error.problems[0]?.message ?? { ja: '', en: '' }
    const count = total(error)
    return {
      ja: `ソースのデータに問題が ${count} 件あるため、何も反映しませんでした。1 件目: ${first.ja}${count > 1 ? '（すべての問題は「プレビュー」で一覧できます）' : ''}`,
      en: `Nothing was applied: the source data has ${count} problem${count === 1 ? '' : 's'}. First: ${first.en}${count > 1 ? ' (Preview lists them all.)' : ''}`,
    }
  }
  if (error instanceof ConnectorError) return error.localized
  const text = error instanceof Error ? error.message : String(error)
  return { ja: `ディレクトリ同期に失敗しました: ${text}`, en: `Directory sync failed: ${text}` }
}

/** A run's source warnings (few active people...) as history lines: nobody watches the nightly preview. */
export function sourceWarningEntries(notices: readonly SourceNotice[]): NewHistoryEntry[] {
  return notices
    .filter((n) => n.level === 'warning')
    .map((n) => ({
      direction: 'local',
      category: 'directory',
      level: 'warning',
      message: n.message.ja,
      messageEn: n.message.en,
    }))
}

/** One history line per problem, so the admin can fix them all before the next run. */
export function failureProblems(error: unknown): NewHistoryEntry[] {
  const base = { direction: 'local', category: 'directory', level: 'error' } as const
  if (error instanceof SourceInputError) {
    const lines: NewHistoryEntry[] = error.problems.slice(0, maxHistoryProblems).map((p) => ({
      ...base,
      message: p.message.ja,
      messageEn: p.message.en,
      detail: { location: p.location },
    }))
    const more = total(error) - lines.length
    if (more <= 0) return lines
    const message = {
      ja: `ほかに ${more} 件の問題があります。すべての問題は「プレビュー」で一覧できます。`,
      en: `${more} more problem${more === 1 ? '' : 's'}. Preview lists them all.`,
    }
    return [...lines, { ...base, message: message.ja, messageEn: message.en, detail: { more } }]
  }
  const message = failureMessage(error)
  const serverAnswer = error instanceof ConnectorError ? error.serverAnswer : null
  return [{ ...base, message: message.ja, messageEn: message.en, detail: { serverAnswer } }]
}
