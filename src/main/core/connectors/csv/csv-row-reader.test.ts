import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { ConnectorError } from '../connector-error'
import { decodeCsvBytes } from './csv-file-loader'
import { CsvSyntaxError, readCsvRows, type CsvRow } from './csv-row-reader'

async function readAll(content: string | Buffer): Promise<CsvRow[] | CsvSyntaxError> {
  const out: CsvRow[] = []
  try {
    for await (const row of readCsvRows(content)) out.push(row)
  } catch (error) {
    if (error instanceof CsvSyntaxError) return error
    throw error
  }
  return out
}

/** Read from the text and from its UTF-8 bytes (how a UTF-8 file comes): the same rows, or the same error. */
async function rows(text: string): Promise<CsvRow[]> {
  const fromText = await readAll(text)
  const fromBytes = await readAll(Buffer.from(text))
  expect(fromBytes).toEqual(fromText)
  if (fromText instanceof CsvSyntaxError) {
    expect([(fromBytes as CsvSyntaxError).line, (fromBytes as CsvSyntaxError).code]).toEqual([
      fromText.line,
      fromText.code,
    ])
    throw fromText
  }
  return fromText
}

const lines = (result: CsvRow[]): number[] => result.map((r) => r.line)

describe('readCsvRows line numbers', () => {
  const physical = ['h1,h2', 'a,"one', 'two', 'three"', 'b,x', '"c', '",y', 'd,z']

  it('gives the start line of each record with LF and quoted newlines', async () => {
    const result = await rows(physical.join('\n') + '\n')
    expect(lines(result)).toEqual([1, 2, 5, 6, 8])
    expect(result[1]?.cells).toEqual(['a', 'one\ntwo\nthree'])
  })

  it('stays right with CRLF records and CRLF inside quoted cells', async () => {
    const result = await rows(physical.join('\r\n') + '\r\n')
    expect(lines(result)).toEqual([1, 2, 5, 6, 8])
    expect(result[3]?.cells).toEqual(['c\n', 'y'])
  })

  it('a CRLF falling across two 64 Ki-character chunks is still one line break', async () => {
    // Line ends are normalised chunk by chunk: the CR of line 1 is the last character of the first chunk.
    const first = `a,${'x'.repeat(64 * 1024 - 3)}`
    const result = await rows(`${first}\r\nb,y\r\nc,z\r\n`)
    expect(lines(result)).toEqual([1, 2, 3])
    expect(result.map((r) => r.cells[0])).toEqual(['a', 'b', 'c'])
  })

  it('counts a lone CR as a line break and reads a last line without one', async () => {
    expect(lines(await rows(physical.join('\r')))).toEqual([1, 2, 5, 6, 8])
  })

  it('skips blank lines and rows of only empty cells without shifting later lines', async () => {
    const result = await rows('title\n\n , ,\nh1,h2\n\n\nv1,v2\n')
    expect(result).toEqual([
      { cells: ['title'], line: 1 },
      { cells: ['h1', 'h2'], line: 4 },
      { cells: ['v1', 'v2'], line: 7 },
    ])
  })
})

describe('readCsvRows cells', () => {
  it('trims unquoted cells, keeps whitespace inside quotes and undoubles quotes', async () => {
    const [row] = await rows('  山田 太郎 , " 空白 " ,"Kenji ""Ken"" Sato","a,b"\n')
    expect(row?.cells).toEqual(['山田 太郎', ' 空白 ', 'Kenji "Ken" Sato', 'a,b'])
  })

  it('keeps a surrogate pair that falls on a stream chunk boundary', async () => {
    const pad = 'x'.repeat(64 * 1024 - 'h\n'.length - 1)
    const result = await rows(`h\n${pad}𠮷野家\n`)
    expect(result[1]?.cells[0]).toBe(`${pad}𠮷野家`)
  })

  it('puts a quote closed in the wrong place on the line where its record (and the quote) began', async () => {
    const error: unknown = await rows('a,b\n1,2\n3,"x\n4,"y"z\n').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CsvSyntaxError)
    expect((error as CsvSyntaxError).code).toBe('CSV_INVALID_CLOSING_QUOTE')
    expect((error as CsvSyntaxError).line).toBe(3)
  })

  it('throws a CsvSyntaxError at the record that opens an unclosed quote', async () => {
    const error: unknown = await rows('a,b\n1,2\n\n3,"x\n4,5\n').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CsvSyntaxError)
    expect((error as CsvSyntaxError).code).toBe('CSV_QUOTE_NOT_CLOSED')
    expect((error as CsvSyntaxError).line).toBe(4)
  })
})

describe('readCsvRows reads as csv-parse does', () => {
  const csvParse = (text: string): string[][] =>
    parse(text.replace(/\r\n?/g, '\n'), {
      trim: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      record_delimiter: '\n',
    }) as string[][]
  const chunk = 64 * 1024

  it.each([
    ['spaces, tabs and form feeds around cells', ' a\t,\f b ,  "c"  ,\t"d"\n'],
    [
      'Unicode spaces: trimmed at the end of an unquoted cell only',
      '\u3000山田\u3000,x\u00a0,"\u3000y\u3000"\n',
    ],
    ['doubled quotes, empty quoted cells, separators inside quotes', '"a""b","",""""," , ","x\ny"\n'],
    ['rows of only blank cells and blank lines', 'h1,h2\n,,\n  ,  \n""," "\n\nv1,v2'],
    ['a last line without its line end, CR and CRLF', 'a,b\r\nc,"d\r\ne"\re,f'],
    ['a doubled quote split by a 64 Ki chunk end', `"${'x'.repeat(chunk - 2)}""y",z\nnext,row\n`],
    ['a record split by a 64 Ki chunk end', `${'w,'.repeat(chunk / 2 - 1)}"split\nhere",v\nlast\n`],
    ['a CRLF split by a 128 KiB byte slice end', `${'b'.repeat(2 * chunk - 1)}\r\nc,d\r\n`],
    ['a character split by a 128 KiB byte slice end', `${'c'.repeat(2 * chunk - 1)},山田\n"名\n前",x\n`],
    [
      'csv-parse reading a cell of over 1 MiB, characters cut by byte slices',
      `"${'山'.repeat(400_000)}",x\nnext,行\n`,
    ],
  ])('%s', async (_name, text) => {
    expect((await rows(text)).map((r) => r.cells)).toEqual(csvParse(text))
  })

  it('reads well up to a broken record deep in the file and reports the line it starts on', async () => {
    const good = Array.from({ length: 3000 }, (_, i) => `"${i}","名前 ${i}","a\nb"`).join('\n')
    const result = await rows(`${good}\n,,\n\n"broken"x,1\nafter,2\n`).catch((e: unknown) => e)
    expect(result).toBeInstanceOf(CsvSyntaxError)
    expect((result as CsvSyntaxError).line).toBe(6003)
    const before: CsvRow[] = []
    await (async () => {
      for await (const row of readCsvRows(`${good}\n"bad" x\n`)) before.push(row)
    })().catch(() => undefined)
    expect(before).toHaveLength(3000)
    expect(before[2999]).toEqual({ cells: ['2999', '名前 2999', 'a\nb'], line: 5999 })
  })

  it('hands a quote left open at the top of a large file to csv-parse, which reports its line', async () => {
    const text = `h1,h2\n1,"open\n${'x,y\n'.repeat(600_000)}`
    const error: unknown = await rows(text).catch((e: unknown) => e)
    expect((error as CsvSyntaxError).code).toBe('CSV_QUOTE_NOT_CLOSED')
    expect((error as CsvSyntaxError).line).toBe(2)
  })

  it('reports an unclosed quote after a row of empty cells on the line where it opened', async () => {
    const error: unknown = await rows('a,b\n,,\n3,"x\n4,5\n').catch((e: unknown) => e)
    expect((error as CsvSyntaxError).code).toBe('CSV_QUOTE_NOT_CLOSED')
    expect((error as CsvSyntaxError).line).toBe(3)
  })
})

describe('decodeCsvBytes', () => {
  const sjis = Uint8Array.from([0xfb, 0xfc, 0x8b, 0xb4, 0x2c, 0x87, 0x40, 0x2c, 0x87, 0x8a]) // 髙橋,①,㈱
  const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from('社員番号,氏名')])

  it('keeps UTF-8 as its bytes, without the BOM', () => {
    const utf8 = decodeCsvBytes(bom, 'auto', 'u.csv')
    expect(utf8.encoding).toBe('utf-8')
    expect(utf8.text).toEqual(Buffer.from('社員番号,氏名'))
    expect(decodeCsvBytes(bom, 'utf-8', 'u.csv').text).toEqual(Buffer.from('社員番号,氏名'))
  })

  it('falls back to CP932 in auto mode, including NEC and IBM extensions', () => {
    expect(decodeCsvBytes(sjis, 'auto', 'u.csv')).toEqual({ text: '髙橋,①,㈱', encoding: 'shift_jis' })
    expect(decodeCsvBytes(sjis, 'shift_jis', 'u.csv').text).toBe('髙橋,①,㈱')
  })

  it('refuses invalid UTF-8 when UTF-8 is forced', () => {
    expect(() => decodeCsvBytes(sjis, 'utf-8', 'u.csv')).toThrow(ConnectorError)
  })
})
