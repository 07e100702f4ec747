import { describe, expect, it } from 'vitest'
import { alertSettings } from '../../../../shared/model/alerts'
import { draftToSettings, settingsToDraft, type AlertsDraft } from './alerts-draft'

const base: AlertsDraft = settingsToDraft(alertSettings.parse({}))
const noUrl = { typed: '', stored: false }

describe('alert form draft', () => {
  it('reads recipients separated by commas, 、, semicolons or spaces, and the port as a number', () => {
    const result = draftToSettings(
      {
        ...base,
        emailEnabled: true,
        host: 'mail.example.co.jp',
        port: ' 465 ',
        security: 'tls',
        from: 'renkei@example.co.jp',
        to: 'a@example.co.jp、b@example.co.jp; c@example.co.jp  d@example.co.jp,',
      },
      noUrl,
    )
    expect(result).toEqual({
      settings: expect.objectContaining({
        email: expect.objectContaining({
          port: 465,
          to: ['a@example.co.jp', 'b@example.co.jp', 'c@example.co.jp', 'd@example.co.jp'],
        }),
      }),
    })
  })

  it('marks each bad field by its path, with the same words as the core', () => {
    const result = draftToSettings(
      { ...base, emailEnabled: true, host: 'a b', port: '5x', webhookEnabled: true },
      noUrl,
    )
    if (!('errors' in result)) throw new Error('expected errors')
    expect([...result.errors.keys()]).toEqual([
      'email.port',
      'email.host',
      'email.from',
      'email.to',
      'webhook.url',
    ])
    expect(result.errors.get('email.host')).toEqual({
      key: 'alerts.problem',
      params: { ja: '「a b」はホスト名ではありません', en: '"a b" is not a host name' },
    })
  })

  it('an enabled webhook needs a URL typed or stored', () => {
    const enabled = { ...base, webhookEnabled: true }
    expect('settings' in draftToSettings(enabled, { typed: '', stored: true })).toBe(true)
    expect(
      'settings' in draftToSettings(enabled, { typed: 'https://hooks.example.test/T/x', stored: false }),
    ).toBe(true)
    const refused = draftToSettings(enabled, { typed: 'hooks.example.test', stored: true })
    expect('errors' in refused && refused.errors.get('webhook.url')?.params).toEqual({
      ja: 'URL の形式ではありません',
      en: 'is not a URL',
    })
  })
})
