import { createHash } from 'node:crypto'
import type { HomeChange, PlanItem } from '../../../../shared/model/directory'
import { ApiError } from '../../../../shared/model/errors'

/**
 * A hash of every write a plan would make: home directory changes and target writes, with their fields,
 * and which target they go to. Reasons and timestamps are left out (they are explanations, not writes),
 * so the same writes computed a minute later give the same fingerprint; one more, one fewer or a changed
 * field gives another. Stateless, so a preview in the UI and a run in the CLI or another window agree.
 */
export function planFingerprint(
  scope: string,
  homeChanges: readonly HomeChange[],
  items: readonly PlanItem[],
): string {
  const hash = createHash('sha256')
  hash.update(JSON.stringify(['scope', scope]))
  // One line per write, so a 100k-person plan is hashed without one 100 MB string.
  for (const c of homeChanges)
    hash.update(JSON.stringify(['home', c.kind, c.key, c.name, c.action, c.fields]))
  for (const i of items) hash.update(JSON.stringify(['target', i.object, i.key, i.name, i.action, i.fields]))
  return hash.digest('base64url')
}

/** The run was asked for without the preview it is meant to carry out. */
export function previewMissing(): ApiError {
  return new ApiError('invalid-input', {
    ja: 'ディレクトリ同期は、プレビューで変更内容（作成・更新・停止・削除・引き継ぎの件数）を確認してから実行してください。何も書き込んでいません。',
    en: 'Look at the preview first (how many accounts are created, updated, suspended, deleted and adopted), then confirm the directory run. Nothing was written.',
  })
}

/** The source or the target changed between the preview and the confirmation: the run writes nothing. */
export class PlanChangedError extends ApiError {
  constructor() {
    super('invalid-input', {
      ja: 'プレビューの後で変更内容が変わりました（ソースまたは反映先が更新されています）。何も書き込んでいません。もう一度プレビューを確認してから実行してください。',
      en: 'The changes differ from the preview you confirmed (the source or the target changed since). Nothing was written. Look at the new preview and confirm again.',
    })
  }
}
