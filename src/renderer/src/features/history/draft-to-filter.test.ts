import { describe, expect, it } from 'vitest'
import { emptyDraft } from '../../stores/filter-draft'
import { draftToFilter } from './draft-to-filter'

// vitest.config.ts pins TZ=Asia/Tokyo.
describe('draftToFilter', () => {
  it('leaves empty fields out and trims text', () => {
    expect(draftToFilter({ ...emptyDraft, site: ' B社 ', level: 'error' })).toEqual({
      filter: { site: 'B社', level: 'error' },
    })
  })

  it('turns a day range into local midnights, the end exclusive on the next day', () => {
    const result = draftToFilter({ ...emptyDraft, from: '2026-03-01', to: '2026-03-01' })
    expect(result).toEqual({
      filter: { from: Date.parse('2026-03-01T00:00:00+09:00'), to: Date.parse('2026-03-02T00:00:00+09:00') },
    })
  })

  it('refuses a period whose start is after its end', () => {
    expect(draftToFilter({ ...emptyDraft, from: '2026-03-02', to: '2026-03-01' })).toEqual({
      error: 'history.badPeriod',
    })
  })
})
