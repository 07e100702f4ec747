import { ApiError } from '../../shared/model/errors'
import type { Localized } from '../../shared/model/localized'

/** Thrown for a bad command line; printed like any other error (in both languages when given both). */
export class UsageError extends Error {
  constructor(readonly text: string | Localized) {
    super(typeof text === 'string' ? text : text.en)
  }
}

/** What a file system error code means, for a message about the path it names. */
const fileProblems: Record<string, Localized> = {
  ENOENT: { ja: 'ファイルまたはフォルダーがありません', en: 'no such file or folder' },
  EACCES: { ja: '権限がありません', en: 'permission denied' },
  EPERM: { ja: '権限がありません', en: 'permission denied' },
  EROFS: { ja: '読み取り専用です', en: 'read-only' },
  ENOSPC: { ja: 'ディスクの空きがありません', en: 'the disk is full' },
  EISDIR: { ja: 'フォルダーです', en: 'it is a folder' },
  ENOTDIR: { ja: '途中にフォルダーでないものがあります', en: 'part of the path is not a folder' },
}

/** Any other failure, still in both languages: a file problem by its path, else the error's own words. */
function otherFailure(error: unknown): Localized {
  const { code, path } = (error ?? {}) as { code?: unknown; path?: unknown }
  const problem = typeof code === 'string' ? fileProblems[code] : undefined
  if (problem && typeof path === 'string') {
    // Files are written under a temporary ".partial" name: name the file the admin asked for.
    const file = path.replace(/\.partial$/, '')
    return {
      ja: `${file} を使用できません（${problem.ja}）。パスと権限を確認してください。`,
      en: `Cannot use ${file} (${problem.en}). Check the path and permissions.`,
    }
  }
  const reason = error instanceof Error ? error.message : String(error)
  return {
    ja: `予期しないエラーのため完了できませんでした: ${reason}`,
    en: `Could not complete because of an unexpected error: ${reason}`,
  }
}

/**
 * Plain language on stderr, Japanese then English, and the exit code that tells scripts it failed:
 * 2 for a bad command line or an input the core refuses, 1 for anything else.
 */
export function reportError(error: unknown): number {
  if (error instanceof UsageError) {
    const { text } = error
    process.stderr.write(
      typeof text === 'string' ? `renkei: ${text}\n` : `renkei: ${text.ja}\nrenkei: ${text.en}\n`,
    )
    return 2
  }
  const message = error instanceof ApiError ? error.localized : otherFailure(error)
  process.stderr.write(`renkei: ${message.ja}\nrenkei: ${message.en}\n`)
  return error instanceof ApiError && error.code === 'invalid-input' ? 2 : 1
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
}
