import type { Localized } from '../../../../shared/model/localized'
import type { CsvTextEncoding } from './csv-file-loader'
import type { CsvFileSummary } from './csv-table-reader'

/** Every text an admin sees from the CSV source, in one place so the ja and en wording stay in step. */

const maxListed = 30
/** A header is listed whole (desknet's NEO's user export alone has dozens of columns): it is what to pick from. */
const maxHeadersListed = 300
const maxCellChars = 40

export function encodingLabel(encoding: CsvTextEncoding): string {
  return encoding === 'utf-8' ? 'UTF-8' : 'Shift_JIS'
}

function clip(value: string): string {
  const flat = value.replace(/\n/g, ' ')
  return flat.length > maxCellChars ? `${flat.slice(0, maxCellChars)}…` : flat
}

/** 「a」「b」 for Japanese, "a", "b" for English; long lists end with an ellipsis. */
function listed(values: readonly string[], max = maxListed): Localized {
  const shown = values.slice(0, max).map(clip)
  const more = values.length > max ? ' …' : ''
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
    const headers = listed(
      available.filter((h) => h !== ''),
      maxHeadersListed,
    )
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
      ja: 'この行で引用符（"）で始まる値が、ファイルの終わりまで閉じられていません。閉じる " を追加してください。',
      en: 'a value opened with a quote (") on this line is never closed. Add the closing quote.',
    }),
  quoteClosedEarly: (fileName: string, line: number): Localized =>
    prefixed(fileName, line, {
      ja: '引用符（"）で始まる値が正しく閉じられていません（閉じる " のあとにカンマ以外の文字があります）。値の中の " は "" と 2 つ重ねて書き、閉じる " が抜けていないか確認してください。',
      en: 'a value opened with a quote (") is not closed properly (a character other than a comma follows the closing quote). Write a quote inside a value as "", and check that no closing quote is missing.',
    }),
  strayQuote: (fileName: string, line: number): Localized =>
    prefixed(fileName, line, {
      ja: '値の途中に引用符（"）があります。値全体を " で囲み、値の中の " は "" と 2 つ重ねて書いてください。',
      en: 'a quote (") appears in the middle of a value. Put the whole value in quotes and write the quote inside it as "".',
    }),
  syntax: (fileName: string, line: number, detail: string): Localized =>
    prefixed(fileName, line, {
      ja: `CSV として読めません（${detail}）。引用符（"）とカンマの位置を確認してください。`,
      en: `not valid CSV (${detail}). Check the quotes (") and commas.`,
    }),
  unknownReference: (fileName: string, line: number, column: string, value: string): Localized =>
    prefixed(fileName, line, {
      ja: `「${column}」の「${clip(value)}」に当たる組織が組織ファイルにありません（「@企業内組織コード」「*組織システムID」「組織名」のどれとしても見つかりません）。組織ファイルを書き出し直すか、値を直してください。`,
      en: `"${column}" refers to "${clip(value)}", which matches no organisation in the organisation file (as @code, *system ID or name). Export the organisation file again or fix the value.`,
    }),
  ambiguousName: (fileName: string, line: number, column: string, value: string): Localized =>
    prefixed(fileName, line, {
      ja: `「${column}」の組織名「${clip(value)}」の組織が組織ファイルに複数あります。「@企業内組織コード」で指定してください。`,
      en: `"${column}" names "${clip(value)}", and several organisations have that name. Refer to it as @ plus its code.`,
    }),
}

export const csvNoteMessages = {
  normalised: (count: number): Localized => ({
    ja: `キー・部署コード・部署の参照のうち ${count} 件に全角の英数字があったため、半角に揃えて読みました（NFKC 正規化）。`,
    en: `${count} key${count === 1 ? '' : 's'}, department code${count === 1 ? '' : 's'} or reference${count === 1 ? '' : 's'} had full-width letters or digits and were read half-width (NFKC).`,
  }),
  missingOptional: (fileName: string, columns: readonly string[]): Localized => {
    const names = listed(columns)
    return {
      ja: `${fileName} には列 ${names.ja} がないため、空として読みました。`,
      en: `${fileName} has no column ${names.en}; read as empty.`,
    }
  },
  fewActive: (active: number, total: number, column: string, inactive: readonly string[]): Localized => {
    const values = listed(inactive)
    return {
      ja: `有効な社員が ${total} 人中 ${active} 人しかいません。列「${column}」の値 ${values.ja} を無効とみなしています。対応付け（プリセット）と「無効とみなす値」が書き出しの形式に合っているか確認してください（例: desknet's NEO の「使用停止フラグ」は 0 が使用中、1 が停止です）。`,
      en: `only ${active} of ${total} people are active: the values ${values.en} of column "${column}" count as inactive. Check that the preset and the inactive values match the export (e.g. desknet's NEO's 使用停止フラグ is 0 for in use, 1 for stopped).`,
    }
  },
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
    ja: `ファイルの内容に問題が ${count} 件あります。1 件目: ${first.ja}（すべての問題は「プレビュー」で一覧できます）`,
    en: `The files have ${count} problem${count === 1 ? '' : 's'}. First: ${first.en} (Preview lists them all.)`,
  }),
  unexpected: (): Localized => ({
    ja: 'ファイルを読み込めませんでした（想定外のエラー）。詳細をサポートにお知らせください。',
    en: 'The files could not be read (unexpected error). Send the details to support.',
  }),
  summaryLine: (s: CsvFileSummary): string =>
    `${s.fileName}: ${encodingLabel(s.encoding)}, header ${s.headerLine === null ? 'not found' : `on line ${s.headerLine}`}, ${s.dataRows} data rows`,
}
