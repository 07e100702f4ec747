import { describe, expect, it } from 'vitest'
import { roomSettings } from '../../../../shared/model/rooms'
import { draftToPatch, settingsToDraft } from './settings-draft'

const saved = roomSettings.parse({
  communities: { codePatterns: ['comm-*'], owners: { 'comm-a': 'u0001', 'comm-b': 'u0002' } },
  target: { restUrl: 'http://127.0.0.1:8001/3.1/', username: 'restadmin' },
})

describe('rooms settings draft', () => {
  it('gives back the saved settings unchanged when nothing was edited', () => {
    const result = draftToPatch(settingsToDraft(saved), saved)
    expect('patch' in result && roomSettings.parse(result.patch)).toEqual(saved)
  })

  it('sends typed lists trimmed, blank lines dropped, and a removed owner as null', () => {
    const draft = {
      ...settingsToDraft(saved),
      codePatterns: ' comm-* \n\n proj-*',
      codes: 'g1\n g2 ',
      owners: 'comm-a =  u0009 \n new = u0003',
      preparationPeriodMaxDays: ' 20 ',
    }
    const result = draftToPatch(draft, saved)
    if (!('patch' in result)) throw new Error('refused')
    expect(result.patch.communities).toEqual({
      codePatterns: ['comm-*', 'proj-*'],
      codes: ['g1', 'g2'],
      defaultOwner: '',
      owners: { 'comm-a': 'u0009', new: 'u0003', 'comm-b': null },
    })
    expect(result.patch.parameters?.preparationPeriodMaxDays).toBe(20)
  })

  it('refuses every unreadable value at once, in Japanese and English, with nothing to send', () => {
    const draft = {
      ...settingsToDraft(saved),
      sessionPeriodMaxDays: '1.5',
      viewPeriodMaxDays: '',
      owners: 'comm-a u0001',
    }
    const result = draftToPatch(draft, saved)
    expect('patch' in result).toBe(false)
    const problems = 'problems' in result ? result.problems : []
    expect(problems.map((p) => p.ja)).toEqual([
      expect.stringContaining('会議室開催期間最大値'),
      expect.stringContaining('会議室参照期間最大値'),
      expect.stringContaining('1 行目「comm-a u0001」'),
    ])
    expect(problems[0]!.en).toContain('whole number of days')
  })
})
