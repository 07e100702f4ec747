import { describe, expect, it } from 'vitest'
import type { Translate } from '../../i18n'
import { en } from '../../i18n/en'
import type { Dictionary } from '../../i18n/ja'
import { ja } from '../../i18n/ja'
import { departmentLabel, formatValue } from './change-labels'

/** The dictionaries' own words, filled as the app fills them (`i18n/index.ts` needs the settings store). */
function translator(dictionary: Dictionary): Translate {
  return (key, params) =>
    dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(params?.[name] ?? whole))
}

const names = {
  D110: { nameJa: '営業1課', nameEn: 'Sales 1' },
  D120: { nameJa: '営業2課', nameEn: null },
}

describe('department codes in the dry run', () => {
  const tJa = translator(ja)
  const tEn = translator(en)

  it('reads a moved person as names with codes', () => {
    const label = departmentLabel(names, 'ja', tJa)
    const before = formatValue('mainDepartment', 'D110', tJa, label)
    const after = formatValue('mainDepartment', 'D120', tJa, label)
    expect(`${before} → ${after}`).toBe('営業1課 (D110) → 営業2課 (D120)')
  })

  it('uses the English name in English when the source has one', () => {
    const label = departmentLabel(names, 'en', tEn)
    expect(formatValue('departmentCode', 'D110', tEn, label)).toBe('Sales 1 (D110)')
    expect(formatValue('departmentCode', 'D120', tEn, label)).toBe('営業2課 (D120)')
    expect(formatValue('otherDepartments', ['D110', 'D999'], tEn, label)).toBe('Sales 1 (D110), D999')
  })

  it('leaves other fields, unknown codes and empty values as they were', () => {
    const label = departmentLabel(names, 'ja', tJa)
    expect(formatValue('email', 'D110', tJa, label)).toBe('D110')
    expect(formatValue('parent', 'toString', tJa, label)).toBe('toString')
    expect(formatValue('parent', null, tJa, label)).toBe(tJa('directory.value.none'))
    expect(formatValue('otherDepartments', [], tJa, label)).toBe(tJa('directory.value.none'))
  })
})
