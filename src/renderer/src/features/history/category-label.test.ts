import { describe, expect, it } from 'vitest'
import { categoryLabels, labelledCategories } from '../../../../shared/model/history-labels'
import { en } from '../../i18n/en'
import { ja } from '../../i18n/ja'
import { categoryText } from './category-label'

describe('category words', () => {
  it('are the same on the screen as in the CSV export, in both languages', () => {
    for (const category of labelledCategories) {
      expect(ja[`history.category.${category}`]).toBe(categoryLabels[category].ja)
      expect(en[`history.category.${category}`]).toBe(categoryLabels[category].en)
    }
  })

  it('leave a category without a label as written', () => {
    const t = (key: keyof typeof ja): string => ja[key]
    expect(categoryText(t, 'calendar')).toBe('カレンダー同期')
    expect(categoryText(t, '社員')).toBe('社員')
    expect(categoryText(t, 'toString')).toBe('toString')
  })
})
