import { describe, expect, it } from 'vitest'
import { calendarSettings } from '../../../../shared/model/calendar-config'
import { draftToSettings, settingsToDraft } from './settings-draft'

const defaults = calendarSettings.parse({})

describe('settings draft', () => {
  it('round-trips the defaults unchanged', () => {
    expect(draftToSettings(settingsToDraft(defaults))).toEqual({ settings: defaults })
  })

  it('refuses numbers outside the bounds the core enforces, and bad endpoints', () => {
    const draft = {
      ...settingsToDraft(defaults),
      intervalMinutes: '0',
      concurrency: '33',
      jitterSeconds: '1.5',
      tokenEndpoint: 'token',
      scope: ' ',
    }
    const result = draftToSettings(draft)
    if (!('errors' in result)) throw new Error('accepted')
    expect([...result.errors.keys()].sort()).toEqual([
      'concurrency',
      'intervalMinutes',
      'jitterSeconds',
      'oauth.scope',
      'oauth.tokenEndpoint',
    ])
    expect(result.errors.get('concurrency')).toEqual({
      key: 'calendar.error.integer',
      params: { min: 1, max: 32 },
    })
  })

  it('sends what the core accepts', () => {
    const result = draftToSettings({
      ...settingsToDraft(defaults),
      intervalMinutes: ' 15 ',
      clientId: ' abc ',
    })
    if (!('settings' in result)) throw new Error('refused')
    expect(calendarSettings.parse(result.settings)).toEqual(result.settings)
    expect(result.settings.intervalMinutes).toBe(15)
    expect(result.settings.oauth.clientId).toBe('abc')
  })
})
