import { ApiError } from '../../../shared/model/errors'

/** Why a data directory's database cannot be opened, in both languages; null when it is no open failure. */
export function databaseOpenFailure(error: unknown, file: string): ApiError | null {
  if (error instanceof ApiError) return error
  const code = (error as { code?: unknown } | null)?.code
  const cause = { cause: error instanceof Error ? error.message : String(error) }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new ApiError(
      'invalid-input',
      {
        ja: `${file} は Renkei のデータベース（SQLite）ではないか、壊れています。ファイルはそのままにしてあります。正しいデータフォルダーを --data-dir に指定するか、このファイルを別の場所に移してください。`,
        en: `${file} is not a Renkei database (SQLite), or it is damaged. It was left as it is. Give --data-dir the right data directory, or move this file elsewhere.`,
      },
      cause,
    )
  }
  if (typeof code === 'string' && /^SQLITE_(CANTOPEN|READONLY|PERM|AUTH)/.test(code)) {
    return new ApiError(
      'invalid-input',
      {
        ja: `${file} を読み書きできません（読み取り専用か、権限がありません）。書き込めるデータフォルダーを --data-dir に指定するか、権限を確認してください。`,
        en: `${file} cannot be read and written (read-only, or no permission). Give --data-dir a data directory you can write, or check its permissions.`,
      },
      cause,
    )
  }
  return null
}

export function newerSchema(file: string, found: number, known: number): ApiError {
  return new ApiError('invalid-input', {
    ja: `${file} は新しいバージョンの Renkei で書かれています（スキーマ ${found}、この Renkei は ${known} まで）。データは変更していません。Renkei を更新するか、別の --data-dir を指定してください。`,
    en: `${file} was written by a newer Renkei (schema ${found}, this build knows ${known}). Nothing was changed. Upgrade Renkei or choose another --data-dir.`,
  })
}
