import type { z } from 'zod'
import { ApiError } from '../../../shared/model/errors'
import type { Localized } from '../../../shared/model/localized'
import { applyMergePatch } from '../../../shared/model/merge-patch'
import { describeIssues } from '../input-issues'
import type { Db } from '../store/database'

export interface PatchResult<T> {
  readonly before: T
  readonly after: T
  /** False when the patch left the stored document as it was (nothing was written). */
  readonly changed: boolean
}

/**
 * An engine's settings as one JSON document in the settings table, parsed on every read so fields
 * added in a later release take their defaults.
 */
export class JsonSetting<S extends z.ZodType> {
  constructor(
    private readonly db: Db,
    private readonly key: string,
    private readonly schema: S,
    /** Names the document in errors: 「ディレクトリ同期の設定」. */
    private readonly title: Localized,
  ) {}

  get(): z.output<S> {
    const value = this.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(this.key) as
      string | undefined
    return this.schema.parse(value === undefined ? {} : JSON.parse(value))
  }

  save(value: z.output<S>): void {
    this.db
      .prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      )
      .run(this.key, JSON.stringify(value))
  }

  /**
   * Applies a JSON Merge Patch (RFC 7396) to the stored document and checks the result as a whole,
   * in one transaction: a refused patch (bad field, or `check` throwing) changes nothing. Sections
   * whose `kind` changes are replaced rather than merged.
   */
  update(patch: unknown, check: (value: z.output<S>) => void = () => {}): PatchResult<z.output<S>> {
    return this.db
      .transaction(() => {
        const before = this.get()
        const after = this.resolve(before, patch, check)
        const changed = JSON.stringify(after) !== JSON.stringify(before)
        if (changed) this.save(after)
        return { before, after, changed }
      })
      .immediate()
  }

  /**
   * What `update` would store, checked the same way, without storing it: a connection test of a form's
   * unsaved draft uses this, so a check never changes the settings.
   */
  draft(patch: unknown, check: (value: z.output<S>) => void = () => {}): z.output<S> {
    return this.resolve(this.get(), patch, check)
  }

  private resolve(before: z.output<S>, patch: unknown, check: (value: z.output<S>) => void): z.output<S> {
    const merged = applyMergePatch(before, patch, 'kind')
    const parsed = this.schema.safeParse(merged)
    if (!parsed.success) throw invalidSettings(this.title, parsed.error.issues, merged)
    const after = parsed.data as z.output<S>
    check(after)
    return after
  }
}

/** The whole result of a patch was refused: every problem, by the path it has in the stored document. */
export function invalidSettings(
  title: Localized,
  issues: readonly z.core.$ZodIssue[],
  checked: unknown,
): ApiError {
  const problems = describeIssues(issues, checked)
  return new ApiError(
    'invalid-input',
    {
      ja: `${title.ja}を変更できません。何も変更していません（${problems.ja}）`,
      en: `The ${title.en} cannot be changed; nothing was changed (${problems.en})`,
    },
    issues,
  )
}
