import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConnectorError } from '../../src/main/core/connectors/connector-error'
import { CsvDirectorySource } from '../../src/main/core/connectors/csv/csv-directory-source'
import { probeCsvHeaders } from '../../src/main/core/connectors/csv/csv-header-probe'
import { SourceInputError, type SourceRead } from '../../src/main/core/engines/directory/directory-connectors'
import { csvSourceConfig, type CsvSourceConfig } from '../../src/shared/model/directory-config'

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'directory')
const fixture = (name: string): string => join(fixtures, name)
const utf8Pair = { usersFile: fixture('users-utf8.csv'), departmentsFile: fixture('departments-utf8.csv') }
const sjisPair = { usersFile: fixture('users-sjis.csv'), departmentsFile: fixture('departments-sjis.csv') }

type ConfigInput = Partial<Omit<CsvSourceConfig, 'users' | 'departments'>> & {
  users?: Partial<CsvSourceConfig['users']>
  departments?: Partial<CsvSourceConfig['departments']>
}

function source(input: ConfigInput): CsvDirectorySource {
  return new CsvDirectorySource(csvSourceConfig.parse({ kind: 'csv', ...utf8Pair, ...input }))
}

function read(input: ConfigInput): Promise<SourceRead> {
  return source(input).read(new AbortController().signal)
}

async function inputError(input: ConfigInput): Promise<SourceInputError> {
  const error: unknown = await read(input).then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(SourceInputError)
  return error as SourceInputError
}

let tmp: string
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'renkei-csv-'))
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

/** Writes a small UTF-8 file for one case and returns its path. */
function temp(name: string, lines: readonly string[]): string {
  const path = join(tmp, name)
  writeFileSync(path, lines.join('\n') + '\n')
  return path
}

const userHeader =
  '社員番号,ログインID,氏名,氏名（英語）,ふりがな,メールアドレス,所属部署コード,兼務部署コード,役職,グループ,状態'

describe('CsvDirectorySource reading the fixture exports', () => {
  it('reads the UTF-8 pair with names, quoted commas and quotes, lists and states intact', async () => {
    const { snapshot, locations } = await read({})
    expect(snapshot.employees).toHaveLength(12)
    const byKey = new Map(snapshot.employees.map((e) => [e.key, e]))
    expect(byKey.get('1001')).toEqual({
      key: '1001',
      login: 'yamada.taro',
      nameJa: '山田 太郎',
      nameEn: 'Yamada, Taro',
      kana: 'やまだ たろう',
      email: 'yamada.taro@renge.example.jp',
      mainDepartment: 'D000',
      otherDepartments: [],
      positions: ['代表取締役社長'],
      groups: ['経営会議', '全社員'],
      active: true,
    })
    expect(byKey.get('1002')).toMatchObject({ nameJa: '髙橋 一郎', positions: ['本部長', '部長'] })
    expect(byKey.get('1002')?.groups).toEqual(['経営会議', '全社員'])
    expect(byKey.get('1004')).toMatchObject({
      nameEn: 'Kenji "Ken" Sato',
      email: 'sato.kenji@renge.example.jp',
    })
    expect(byKey.get('1005')).toMatchObject({ otherDepartments: ['D110', 'D210'] })
    expect(byKey.get('1005')?.groups).toEqual(['営業チーム', '全社員'])
    expect(byKey.get('1012')).toMatchObject({ nameEn: null, kana: null, email: null, positions: ['主任'] })
    // Line 4-5 hold 1003 with its two-line address; every later record keeps its physical line.
    expect(locations.employees.map((l) => l.line)).toEqual([2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14])
    expect(locations.employees[0]?.where).toBe('users-utf8.csv')
  })

  it('maps active states: 休職 and 無効 suspend, an empty cell stays active', async () => {
    const { snapshot } = await read({})
    const inactive = snapshot.employees.filter((e) => !e.active).map((e) => e.key)
    expect(inactive).toEqual(['1006', '1009'])
    expect(snapshot.employees.find((e) => e.key === '1011')?.active).toBe(true)
  })

  it('reads the department tree, with an empty order taking the row position', async () => {
    const { snapshot, locations } = await read({})
    expect(snapshot.departments).toHaveLength(7)
    expect(snapshot.departments[0]).toEqual({
      code: 'D000',
      nameJa: '㈱蓮華商事 本社',
      nameEn: 'Renge Shoji Co., Ltd. Head Office',
      parent: null,
      order: 1,
    })
    expect(snapshot.departments.find((d) => d.code === 'D110')).toMatchObject({ parent: 'D100', order: 1 })
    expect(snapshot.departments.find((d) => d.code === 'D220')).toMatchObject({ parent: 'D200', order: 7 })
    expect(locations.departments.map((l) => `${l.where}:${l.line}`)).toEqual(
      [2, 3, 4, 5, 6, 7, 8].map((n) => `departments-utf8.csv:${n}`),
    )
  })

  it('derives positions (rank = first appearance) and groups from the user file', async () => {
    const { snapshot } = await read({})
    expect(snapshot.positions).toEqual([
      { code: '代表取締役社長', nameJa: '代表取締役社長', nameEn: null, rank: 1 },
      { code: '本部長', nameJa: '本部長', nameEn: null, rank: 2 },
      { code: '部長', nameJa: '部長', nameEn: null, rank: 3 },
      { code: '課長', nameJa: '課長', nameEn: null, rank: 4 },
      { code: '主任', nameJa: '主任', nameEn: null, rank: 5 },
    ])
    expect(snapshot.groups.map((g) => g.code)).toEqual([
      '経営会議',
      '全社員',
      '営業チーム',
      '情報システム委員会',
    ])
    expect(snapshot.groups[0]).toEqual({ code: '経営会議', nameJa: '経営会議', nameEn: null })
  })

  it('reads the Shift_JIS (CP932, CRLF) pair into the same snapshot and lines as the UTF-8 pair', async () => {
    const raw = readFileSync(sjisPair.usersFile)
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(raw)).toThrow()
    const utf8 = await read({})
    const sjis = await read(sjisPair)
    expect(sjis.snapshot).toEqual(utf8.snapshot)
    expect(sjis.locations.employees.map((l) => l.line)).toEqual(utf8.locations.employees.map((l) => l.line))
    expect(sjis.locations.employees[0]?.where).toBe('users-sjis.csv')
    expect(sjis.snapshot.employees.map((e) => e.nameJa)).toContain('髙橋 一郎')
  })

  it('strips the BOM so the first header (社員番号) is found', async () => {
    expect([...readFileSync(utf8Pair.usersFile).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const { snapshot } = await read({ encoding: 'utf-8' })
    expect(snapshot.employees[0]?.key).toBe('1001')
  })

  it('accepts the Shift_JIS files with the encoding forced to shift_jis', async () => {
    const { snapshot } = await read({ ...sjisPair, encoding: 'shift_jis' })
    expect(snapshot.departments[0]?.nameJa).toBe('㈱蓮華商事 本社')
  })

  it('refuses Shift_JIS bytes when UTF-8 is forced, naming the file and suggesting Shift_JIS', async () => {
    const error: unknown = await read({ ...sjisPair, encoding: 'utf-8' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConnectorError)
    expect((error as ConnectorError).kind).toBe('permanent')
    expect((error as ConnectorError).localized.ja).toContain('users-sjis.csv')
    expect((error as ConnectorError).localized.ja).toContain('Shift_JIS')
    expect((error as ConnectorError).localized.en).toContain('Shift_JIS')
  })

  it('finds the header below a title line and a blank line', async () => {
    const plain = await read({})
    const titled = await read({ usersFile: fixture('users-title.csv') })
    expect(titled.snapshot).toEqual(plain.snapshot)
    expect(titled.locations.employees.map((l) => l.line)).toEqual(
      plain.locations.employees.map((l) => (l.line ?? 0) + 2),
    )
  })
})

describe('CsvDirectorySource reporting bad input', () => {
  it('reports a wrong cell count after a CRLF multi-line cell, and an empty login, with exact lines', async () => {
    const error = await inputError({ usersFile: fixture('users-broken-row.csv') })
    expect(error.problems.map((p) => p.location)).toEqual([
      { where: 'users-broken-row.csv', line: 7 },
      { where: 'users-broken-row.csv', line: 8 },
    ])
    expect(error.problems[0]?.message).toEqual({
      ja: 'users-broken-row.csv の 7 行目: 列数が見出しと一致しません（見出し 12 列、この行 10 列）。区切りのカンマや引用符（"）を確認してください。',
      en: 'users-broken-row.csv line 7: the row has 10 cells but the header has 12. Check the commas and quotes (") in this row.',
    })
    expect(error.problems[1]?.message.ja).toContain('「ログインID」が空です')
  })

  it('names a missing required column, the file and the headers the file has', async () => {
    const error = await inputError({ users: { login: 'ログイン' } })
    expect(error.problems).toHaveLength(1)
    const problem = error.problems[0]
    expect(problem?.location).toEqual({ where: 'users-utf8.csv', line: 1 })
    expect(problem?.message.ja).toContain('列「ログイン」')
    expect(problem?.message.ja).toContain('「メールアドレス」')
    expect(problem?.message.en).toContain('"ログイン"')
    expect(problem?.message.en).toContain('"状態"')
  })

  it('reports a renamed required column as missing rather than as a missing header', async () => {
    const error = await inputError({ departments: { code: '組織コード' } })
    expect(error.problems[0]?.location).toEqual({ where: 'departments-utf8.csv', line: 1 })
    expect(error.problems[0]?.message.ja).toContain('列「組織コード」がありません')
  })

  it('says which columns it looked for when no header row is found, quoting the first row', async () => {
    const usersFile = temp('no-header.csv', ['ID,Name', '1,a'])
    const error = await inputError({ usersFile })
    expect(error.problems[0]?.location).toEqual({ where: 'no-header.csv', line: 1 })
    const { ja, en } = error.problems[0]!.message
    expect(ja).toContain('「社員番号」「ログインID」「氏名」')
    expect(ja).toContain('「ID」「Name」')
    expect(ja).toContain('UTF-8')
    expect(en).toContain('"ID", "Name"')
  })

  it('reports an empty file', async () => {
    const usersFile = temp('empty.csv', [])
    const error = await inputError({ usersFile })
    expect(error.problems[0]?.message.ja).toContain('空のファイル')
  })

  it('collects problems from both files and reports an order that is not an integer', async () => {
    const departmentsFile = temp('departments-bad-order.csv', [
      '部署コード,部署名,部署名（英語）,上位部署コード,表示順',
      'D1,本社,,,一番',
      'D2,営業部,,D1,１０',
    ])
    const error = await inputError({ usersFile: fixture('users-broken-row.csv'), departmentsFile })
    expect(error.problems.map((p) => `${p.location?.where}:${p.location?.line}`)).toEqual([
      'users-broken-row.csv:7',
      'users-broken-row.csv:8',
      'departments-bad-order.csv:2',
    ])
    expect(error.problems[2]?.message.ja).toContain('「表示順」の値「一番」が整数ではありません')
  })

  it('reads full-width digits in the order column', async () => {
    const departmentsFile = temp('departments-wide.csv', [
      '部署コード,部署名,部署名（英語）,上位部署コード,表示順',
      'D1,本社,,,１０',
    ])
    const { snapshot } = await read({ departmentsFile })
    expect(snapshot.departments[0]?.order).toBe(10)
  })

  it('points an unclosed quote at the line where the broken record begins', async () => {
    const usersFile = temp('unclosed.csv', [
      userHeader,
      '1,a,山田,,,,,,,,',
      '2,b,"鈴木,,,,,,,,,',
      '3,c,佐藤,,,,,,,,',
    ])
    const error = await inputError({ usersFile })
    expect(error.problems[0]?.location).toEqual({ where: 'unclosed.csv', line: 3 })
    expect(error.problems[0]?.message.ja).toContain('閉じられていません')
  })

  it('lists every problem of a file, not the first 100', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => `${i},u${i},名前`)
    const usersFile = temp('many-bad.csv', [userHeader, ...rows])
    const error = await inputError({ usersFile })
    expect(error.problems).toHaveLength(150)
    expect(error.omitted).toBe(0)
    expect(error.problems[149]?.location).toEqual({ where: 'many-bad.csv', line: 151 })
  })

  it('keeps the first 10,000 problems of a huge file and counts the rest', async () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => `${i},u${i},名前`)
    const usersFile = temp('huge-bad.csv', [userHeader, ...rows])
    const error = await inputError({ usersFile })
    expect(error.problems).toHaveLength(10_000)
    expect(error.omitted).toBe(2_000)
    expect(error.problems[9_999]?.location?.line).toBe(10_001)
  })

  it('points a quote closed in the wrong place at the line where it opened, in plain words', async () => {
    const usersFile = temp('misquoted.csv', [
      userHeader,
      '1,a,山田,,,,,,,,',
      '2,b,"鈴木,,,,,,,,,',
      '3,c,"佐藤",,,,,,,,',
      '4,d,田中,,,,,,,,',
    ])
    const error = await inputError({ usersFile })
    expect(error.problems).toHaveLength(1)
    expect(error.problems[0]?.location).toEqual({ where: 'misquoted.csv', line: 3 })
    const { ja, en } = error.problems[0]!.message
    expect(ja).toMatch(/^misquoted\.csv の 3 行目: 引用符（"）で始まる値が正しく閉じられていません/)
    expect(en).toMatch(/^misquoted\.csv line 3: a value opened with a quote \(".*\) is not closed properly/)
    expect(`${ja}${en}`).not.toMatch(/Invalid|Closing|got "/)
  })

  it('still reports the row problems above a broken quote', async () => {
    const usersFile = temp('problems-then-quote.csv', [
      userHeader,
      '1,a,山田,,,,,,,,',
      '2,,鈴木,,,,,,,,',
      '3,c,"佐藤,,,,,,,,',
      '4,d,"田中",,,,,,,,',
    ])
    const error = await inputError({ usersFile })
    expect(error.problems.map((p) => p.location?.line)).toEqual([3, 4])
    expect(error.problems[0]?.message.ja).toContain('「ログインID」が空です')
  })

  it('explains a quote in the middle of an unquoted value in plain words', async () => {
    const usersFile = temp('stray-quote.csv', [userHeader, '1,a,山"田,,,,,,,,'])
    const error = await inputError({ usersFile })
    expect(error.problems[0]?.location).toEqual({ where: 'stray-quote.csv', line: 2 })
    expect(error.problems[0]?.message.ja).toContain('値の途中に引用符（"）があります')
    expect(error.problems[0]?.message.en).not.toContain('Invalid Opening Quote')
  })

  it('keeps duplicate rows so the engine can report them', async () => {
    const usersFile = temp('dupes.csv', [userHeader, '1,a,山田,,,,,,,,', '1,a,山田,,,,,,,,'])
    const { snapshot, locations } = await read({ usersFile })
    expect(snapshot.employees.map((e) => e.key)).toEqual(['1', '1'])
    expect(locations.employees.map((l) => l.line)).toEqual([2, 3])
  })

  it('treats the configured inactive values case-insensitively after trimming', async () => {
    const usersFile = temp('states.csv', [
      userHeader,
      '1,a,山田,,,,,,,,DISABLED',
      '2,b,鈴木,,,,,,,," Inactive "',
      '3,c,佐藤,,,,,,,,在籍',
      '4,d,田中,,,,,,,,退職',
    ])
    const standard = await read({ usersFile })
    expect(standard.snapshot.employees.map((e) => e.active)).toEqual([false, false, true, true])
    const custom = await read({ usersFile, inactiveValues: ['退職'] })
    expect(custom.snapshot.employees.map((e) => e.active)).toEqual([true, true, true, false])
  })

  it('compares state values after NFKC, so a full-width １ matches the inactive value 1', async () => {
    const usersFile = temp('wide-state.csv', [userHeader, '1,a,山田,,,,,,,,１', '2,b,鈴木,,,,,,,,0'])
    const { snapshot } = await read({ usersFile, inactiveValues: ['1'] })
    expect(snapshot.employees.map((e) => e.active)).toEqual([false, true])
  })

  it('treats every user as active when the mapping has no state column', async () => {
    const { snapshot } = await read({ users: { active: '' } })
    expect(snapshot.employees.every((e) => e.active)).toBe(true)
  })
})

describe('CsvDirectorySource files, progress and abort', () => {
  it('throws a permanent ConnectorError naming the path of a missing file', async () => {
    const missing = join(tmp, 'nowhere', 'users.csv')
    const error: unknown = await read({ usersFile: missing }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConnectorError)
    expect((error as ConnectorError).kind).toBe('permanent')
    expect((error as ConnectorError).localized.ja).toContain(missing)
  })

  it('reports progress every 1000 rows and a final count', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => `${i},u${i},名前${i},,,,,,,,`)
    const usersFile = temp('progress.csv', [userHeader, ...rows])
    const seen: number[] = []
    const result = await source({ usersFile }).read(new AbortController().signal, (p) => seen.push(p.read))
    expect(result.snapshot.employees).toHaveLength(2500)
    expect(seen).toEqual([1000, 2000, 2507])
  })

  it('throws the abort reason when aborted before or during a read', async () => {
    const before = new AbortController()
    before.abort(new Error('stopped by admin'))
    await expect(source({}).read(before.signal)).rejects.toThrow('stopped by admin')

    const rows = Array.from({ length: 5000 }, (_, i) => `${i},u${i},名前${i},,,,,,,,`)
    const usersFile = temp('abort.csv', [userHeader, ...rows])
    const during = new AbortController()
    const seen: number[] = []
    const reading = source({ usersFile }).read(during.signal, (p) => {
      seen.push(p.read)
      during.abort(new Error('quit'))
    })
    await expect(reading).rejects.toThrow('quit')
    expect(seen).toEqual([1000])
  })
})

describe('CsvDirectorySource.check', () => {
  it('names each file, its detected encoding and its row count for a good pair', async () => {
    const utf8 = await source({}).check()
    expect(utf8.ok).toBe(true)
    expect(utf8.message.ja).toBe(
      '2 つのファイルを読み込めました: users-utf8.csv（UTF-8、データ 12 行）、departments-utf8.csv（UTF-8、データ 7 行）。',
    )
    expect(utf8.detail).toContain('users-utf8.csv: UTF-8, header on line 1, 12 data rows')
    const sjis = await source(sjisPair).check()
    expect(sjis.ok).toBe(true)
    expect(sjis.message.ja).toContain('users-sjis.csv（Shift_JIS、データ 12 行）')
    expect(sjis.message.en).toContain('departments-sjis.csv (Shift_JIS, 7 rows)')
  })

  it('answers without throwing for a missing file, naming the path', async () => {
    const missing = join(tmp, 'missing-departments.csv')
    const result = await source({ departmentsFile: missing }).check()
    expect(result.ok).toBe(false)
    expect(result.message.ja).toContain('ファイルが見つかりません')
    expect(result.message.ja).toContain(missing)
    expect(result.detail).toContain('ENOENT')
  })

  it('gives the number of problems and the first one for bad content', async () => {
    const result = await source({ usersFile: fixture('users-broken-row.csv') }).check()
    expect(result.ok).toBe(false)
    expect(result.message.ja).toMatch(
      /^ファイルの内容に問題が 2 件あります。1 件目: users-broken-row\.csv の 7 行目/,
    )
    expect(result.detail).toContain('users-broken-row.csv: UTF-8, header on line 1, 6 data rows')
  })
})

describe('CsvDirectorySource presets, optional columns and keys', () => {
  const desknetsPair = {
    preset: 'desknets-neo' as const,
    usersFile: fixture('desknets-users.csv'),
    departmentsFile: fixture('desknets-organizations.csv'),
  }

  it('reads a missing optional column as empty and says so; a missing required one lists the headers', async () => {
    const usersFile = temp('no-optional.csv', ['社員番号,ログインID,氏名', '1,a,山田'])
    const { snapshot, notes } = await read({ usersFile })
    expect(snapshot.employees[0]).toMatchObject({ key: '1', email: null, active: true })
    const text = notes?.map((n) => n.message.ja).join('\n') ?? ''
    expect(text).toContain('no-optional.csv')
    expect(text).toContain('「メールアドレス」')
    expect(text).toContain('「状態」')

    const missingRequired = temp('no-login.csv', ['社員番号,氏名,メールアドレス', '1,山田,a@example.jp'])
    const error = await inputError({ usersFile: missingRequired })
    expect(error.problems).toHaveLength(1)
    expect(error.problems[0]?.message.ja).toContain('列「ログインID」')
    expect(error.problems[0]?.message.ja).toContain('「社員番号」「氏名」「メールアドレス」')
  })

  it('normalises full-width keys, codes and parent references (NFKC) and counts them', async () => {
    const usersFile = temp('wide-keys.csv', [
      userHeader,
      '１００１,ａ,山田,,,,Ｄ１,,,,',
      '1002,b,鈴木,,,,D2,Ｄ１,,,',
    ])
    const departmentsFile = temp('wide-depts.csv', [
      '部署コード,部署名,部署名（英語）,上位部署コード,表示順',
      'D1,本社,,,',
      'Ｄ２,営業部,,Ｄ１,',
    ])
    const { snapshot, notes } = await read({ usersFile, departmentsFile })
    expect(snapshot.employees.map((e) => [e.key, e.login, e.mainDepartment, e.otherDepartments])).toEqual([
      ['1001', 'ａ', 'D1', []],
      ['1002', 'b', 'D2', ['D1']],
    ])
    expect(snapshot.departments.map((d) => [d.code, d.parent])).toEqual([
      ['D1', null],
      ['D2', 'D1'],
    ])
    expect(notes?.map((n) => n.message.ja).join('\n')).toMatch(/5 件.*全角/)
  })

  it("reads desknet's NEO's export with its preset: @references, 使用停止フラグ 0 = in use", async () => {
    const { snapshot } = await read(desknetsPair)
    expect(snapshot.employees).toHaveLength(12)
    expect(snapshot.employees.filter((e) => !e.active).map((e) => e.key)).toEqual(['1006', '1009'])
    expect(snapshot.departments.find((d) => d.code === 'NEO0110')?.parent).toBe('NEO0100')
    expect(snapshot.employees.find((e) => e.key === '1003')?.mainDepartment).toBe('NEO0110')
  })

  it("resolves desknet's other reference forms: *system ID and an organisation name", async () => {
    const departmentsFile = temp('desknets-orgs.csv', [
      'ID,削除フラグ,企業内組織コード,組織名,上位組織',
      '10,,HQ,本社,',
      '11,,SALES,営業本部,*10',
      '12,,S1,営業1課,営業本部',
      '13,,S2,営業2課,*99',
    ])
    const usersFile = temp('desknets-people.csv', [
      'ID,ログインID,氏名,所属組織,使用停止フラグ',
      '1,a,山田,*12,0',
      '2,b,鈴木,本社,0',
    ])
    const error = await inputError({ ...desknetsPair, usersFile, departmentsFile })
    expect(error.problems).toHaveLength(1)
    expect(error.problems[0]?.location).toEqual({ where: 'desknets-orgs.csv', line: 5 })
    expect(error.problems[0]?.message.ja).toContain('「*99」')
    const fixed = temp('desknets-orgs-ok.csv', [
      'ID,削除フラグ,企業内組織コード,組織名,上位組織',
      '10,,HQ,本社,',
      '11,,SALES,営業本部,*10',
      '12,,S1,営業1課,営業本部',
    ])
    const { snapshot } = await read({ ...desknetsPair, usersFile, departmentsFile: fixed })
    expect(snapshot.departments.map((d) => [d.code, d.parent])).toEqual([
      ['HQ', null],
      ['SALES', 'HQ'],
      ['S1', 'SALES'],
    ])
    expect(snapshot.employees.map((e) => e.mainDepartment)).toEqual(['S1', 'HQ'])
  })
})

describe('probeCsvHeaders', () => {
  it('finds the header below a title line in a large file, reading only its start', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `${i},u${i},名前${i},,,,,,,,`)
    const usersFile = temp('big-titled.csv', ['社員一覧（2026年4月1日 出力）,,,', '', userHeader, ...rows])
    const found = await probeCsvHeaders(usersFile, 'auto', ['社員番号', 'ログインID', '氏名'])
    expect(found).toMatchObject({ fileName: 'big-titled.csv', encoding: 'utf-8', line: 3 })
    expect(found.headers).toEqual(userHeader.split(','))
  })

  it('keeps detecting UTF-8 when the 64 KiB it reads ends inside a character', async () => {
    const header = `${userHeader}\n`
    const headerBytes = Buffer.byteLength(header)
    // あ is 3 bytes: start them where byte 65,536 falls in the middle of one.
    const lead = (65_536 - headerBytes - '1,a,'.length) % 3 === 0 ? '1,ab,' : '1,a,'
    const path = join(tmp, 'cut-mid-char.csv')
    writeFileSync(path, `${header}${lead}${'あ'.repeat(30_000)},,,,,,,,\n`)
    const found = await probeCsvHeaders(path, 'auto', [])
    expect(found.encoding).toBe('utf-8')
    expect(found.headers[0]).toBe('社員番号')
  })
})
