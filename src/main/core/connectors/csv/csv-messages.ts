import type { Localized } from '../../../../shared/model/localized'
import type { CsvTextEncoding } from './csv-file-loader'
import type { CsvFileSummary } from './csv-table-reader'

/** Every text an admin sees from the CSV source, in one place so the ja and en wording stay in step. */

const maxListed = 30
const maxCellChars = 40

export function encodingLabel(encoding: CsvTextEncoding): string {
  return encoding === 'utf-8' ? 'UTF-8' : 'Shift_JIS'
}

function clip(value: string): string {
  const flat = value.replace(/\n/g, ' ')
  return flat.length > maxCellChars ? `${flat.slice(0, maxCellChars)}…` : flat
}

/** 「a」「b」 for Japanese, "a", "b" for English; long lists end with an ellipsis. */
function listed(values: readonly string[]): Localized {
  const shown = values.slice(0, maxListed).map(clip)
  const more = values.length > maxListed ? ' …' : ''
  return {
    ja: shown.map((v) => `「${v}」`).join('') + more,
    en: shown.map((v) => `"${v}"`).join(', ') + more,
  }
}

function at(fileName: string, line: number | null): Localized {
  return line === null
    ? { ja: `${fileName}: `, en: `${fileName}: ` }
    : { ja: `${fileName} の ${line} 行目: `, en: `${fileName} line ${line}: ` }
}

function prefixed(fileName: string, line: number | null, message: Localized): Localized {
  const where = at(fileName, line)
  return { ja: where.ja + message.ja, en: where.en + message.en }
}

export const csvFileMessages = {
  notFound: (path: string): Localized => ({
    ja: `ファイルが見つかりません: ${path}。パスが正しいか、グループウェアの管理画面から書き出したファイルがその場所にあるか確認してください。`,
    en: `File not found: ${path}. Check the path, and that the file exported from the groupware admin screen is there.`,
  }),
  noPermission: (path: string): Localized => ({
    ja: `ファイルを読む権限がありません: ${path}。Renkei を実行しているユーザーに読み取り権限を与えてください。`,
    en: `No permission to read ${path}. Give the user running Renkei read access to the file.`,
  }),
  isFolder: (path: string): Localized => ({
    ja: `${path} はフォルダーです。CSV ファイルそのもののパスを指定してください。`,
    en: `${path} is a folder. Enter the path of the CSV file itself.`,
  }),
  unreadable: (path: string): Localized => ({
    ja: `ファイルを読めませんでした: ${path}。ファイルがほかのアプリで開かれていないか、保存先に接続できるか確認してください。`,
    en: `Could not read ${path}. Check that no other application holds the file and that its location is reachable.`,
  }),
  notUtf8: (fileName: string): Localized => ({
    ja: `${fileName} は UTF-8 として読めません。Shift_JIS で保存されたファイルの可能性があります。文字コードの設定を「Shift_JIS」か「自動判定」に変えてください。`,
    en: `${fileName} is not valid UTF-8; it was probably saved as Shift_JIS. Set the encoding to Shift_JIS or Auto.`,
  }),
}

export const csvProblemMessages = {
  empty: (fileName: string): Localized =>
    prefixed(fileName, null, {
      ja: 'データがありません（空のファイルです）。グループウェアから書き出し直したファイルを指定してください。',
      en: 'the file is empty. Export it again from the groupware and point to the new file.',
    }),
  headerNotFound: (
    fileName: string,
    line: number,
    lookedFor: readonly string[],
    firstCells: readonly string[],
    encoding: CsvTextEncoding,
  ): Localized => {
    const wanted = listed(lookedFor)
    const first = listed(firstCells)
    const enc = encodingLabel(encoding)
    return prefixed(fileName, null, {
      ja: `見出し行が見つかりません。先頭 10 行の中に ${wanted.ja} を含む行が必要です。${line} 行目の内容: ${first.ja}。列の対応付けの設定と、文字コード（いまは ${enc} として読んでいます）を確認してください。`,
      en: `no header row found: one of the first 10 rows must contain ${wanted.en}. Line ${line} reads: ${first.en}. Check the column mapping and the encoding (read as ${enc}).`,
    })
  },
  unknownColumn: (
    fileName: string,
    line: number,
    column: string,
    available: readonly string[],
  ): Localized => {
    const headers = listed(available.filter((h) => h !== ''))
    return prefixed(fileName, line, {
      ja: `見出しに列「${column}」がありません。ファイルにある列: ${headers.ja}。列の対応付けの設定をファイルの見出しに合わせて直してください。`,
      en: `the header has no column "${column}". Columns in the file: ${headers.en}. Change the column mapping to match the file's header.`,
    })
  },
  cellCount: (fileName: string, line: number, header: number, row: number): Localized =>
    prefixed(fileName, line, {
      ja: `列数が見出しと一致しません（見出し ${header} 列、この行 ${row} 列）。区切りのカンマや引用符（"）を確認してください。`,
      en: `the row has ${row} cells but the header has ${header}. Check the commas and quotes (") in this row.`,
    }),
  requiredEmpty: (fileName: string, line: number, column: string): Localized =>
    prefixed(fileName, line, {
      ja: `「${column}」が空です。値を入れるか、この行を削除してください。`,
      en: `"${column}" is empty. Fill it in or remove the row.`,
    }),
  notInteger: (fileName: string, line: number, column: string, value: string): Localized =>
    prefixed(fileName, line, {
      ja: `「${column}」の値「${clip(value)}」が整数ではありません。整数（例: 10）を入れるか、空にしてください。`,
      en: `"${column}" is "${clip(value)}", not a whole number. Enter a whole number (e.g. 10) or leave it empty.`,
    }),
  quoteNotClosed: (fileName: string, line: number): Localized =>
    prefixed(fileName, line, {
      ja: 'この行以降で、引用符（"）で始まる値がファイルの終わりまで閉じられていません。引用符の数を確認してください。',
      en: 'a value opened with a quote (") on or after this line is never closed. Check the quotes.',
    }),
  syntax: (fileName: string, line: number, detail: string): Localized =>
    prefixed(fileName, line, {
      ja: `CSV として読めません（${detail}）。引用符（"）とカンマの位置を確認してください。`,
      en: `not valid CSV (${detail}). Check the quotes (") and commas.`,
    }),
  tooMany: (): Localized => ({
    ja: 'ほかにも問題があります。表示した問題を直してから、もう一度読み込んでください。',
    en: 'There are more problems. Fix the ones shown and read the files again.',
  }),
}

export const csvCheckMessages = {
  ok: (users: CsvFileSummary, departments: CsvFileSummary): Localized => {
    const part = (s: CsvFileSummary): string =>
      `${s.fileName}（${encodingLabel(s.encoding)}、データ ${s.dataRows} 行）`
    const partEn = (s: CsvFileSummary): string =>
      `${s.fileName} (${encodingLabel(s.encoding)}, ${s.dataRows} rows)`
    return {
      ja: `2 つのファイルを読み込めました: ${part(users)}、${part(departments)}。`,
      en: `Both files can be read: ${partEn(users)} and ${partEn(departments)}.`,
    }
  },
  problems: (count: number, first: Localized): Localized => ({
    ja: `ファイルの内容に問題が ${count} 件あります。1 件目: ${first.ja}`,
    en: `The files have ${count} problem${count === 1 ? '' : 's'}. First: ${first.en}`,
  }),
  unexpected: (): Localized => ({
    ja: 'ファイルを読み込めませんでした（想定外のエラー）。詳細をサポートにお知らせください。',
    en: 'The files could not be read (unexpected error). Send the details to support.',
  }),
  summaryLine: (s: CsvFileSummary): string =>
    `${s.fileName}: ${encodingLabel(s.encoding)}, header ${s.headerLine === null ? 'not found' : `on line ${s.headerLine}`}, ${s.dataRows} data rows`,
}
