/**
 * Export presets: the column names and value conventions of the files a groupware's admin screen
 * writes, so an admin picks "desknet's NEO" instead of typing a mapping. A preset fills whatever the
 * configuration leaves out; anything set explicitly wins.
 */

export const csvPresets = ['generic', 'desknets-neo'] as const
export type CsvPreset = (typeof csvPresets)[number]

export const csvUserFields = [
  'key',
  'login',
  'nameJa',
  'nameEn',
  'kana',
  'email',
  'mainDepartment',
  'otherDepartments',
  'positions',
  'groups',
  'active',
] as const
export type CsvUserField = (typeof csvUserFields)[number]

export const csvDepartmentFields = ['code', 'nameJa', 'nameEn', 'parent', 'order', 'systemId'] as const
export type CsvDepartmentField = (typeof csvDepartmentFields)[number]

/** Fields whose column every file must have; the others may be missing (read as empty). */
export const requiredUserFields = ['key', 'login', 'nameJa'] as const satisfies readonly CsvUserField[]
export const requiredDepartmentFields = ['code', 'nameJa'] as const satisfies readonly CsvDepartmentField[]

/**
 * How department cells refer to a department: `code` — the cell is the code; `desknets` — desknet's
 * NEO's forms: "@" + 企業内組織コード, "*" + 組織システムID, or the 組織名 itself.
 */
export type CsvReferenceStyle = 'code' | 'desknets'

export interface CsvPresetDefaults {
  readonly users: Readonly<Record<CsvUserField, string>>
  readonly departments: Readonly<Record<CsvDepartmentField, string>>
  /** Values of the active column that mean "suspended". */
  readonly inactiveValues: readonly string[]
  readonly references: CsvReferenceStyle
}

export const csvPresetDefaults: Readonly<Record<CsvPreset, CsvPresetDefaults>> = {
  generic: {
    users: {
      key: '社員番号',
      login: 'ログインID',
      nameJa: '氏名',
      nameEn: '氏名（英語）',
      kana: 'ふりがな',
      email: 'メールアドレス',
      mainDepartment: '所属部署コード',
      otherDepartments: '兼務部署コード',
      positions: '役職',
      groups: 'グループ',
      active: '状態',
    },
    departments: {
      code: '部署コード',
      nameJa: '部署名',
      nameEn: '部署名（英語）',
      parent: '上位部署コード',
      order: '表示順',
      systemId: '',
    },
    inactiveValues: ['無効', '停止', '休職', '0', 'false', 'inactive', 'disabled'],
    references: 'code',
  },
  // desknet's NEO: ユーザー情報 / 組織情報のエクスポート (Shift_JIS). ID is the user's system ID, stable
  // across renames; 使用停止フラグ is 0 = in use, 1 = stopped; parents and affiliations are references.
  'desknets-neo': {
    users: {
      key: 'ID',
      login: 'ログインID',
      nameJa: '氏名',
      nameEn: '',
      kana: 'ふりがな',
      email: '職場用メールアドレス',
      mainDepartment: '所属組織',
      otherDepartments: '',
      positions: '役職',
      groups: '',
      active: '使用停止フラグ',
    },
    departments: {
      code: '企業内組織コード',
      nameJa: '組織名',
      nameEn: '',
      parent: '上位組織',
      order: '',
      systemId: 'ID',
    },
    inactiveValues: ['1'],
    references: 'desknets',
  },
}
