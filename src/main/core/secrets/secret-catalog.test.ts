import { describe, expect, it } from 'vitest'
import { calendarSecretName } from '../../../shared/model/calendar-config'
import { directorySecretNames } from '../../../shared/model/directory-config'
import { describeSecret } from './secret-catalog'

describe('describeSecret', () => {
  it('puts every name the directory engine uses in its group, each with a description', () => {
    for (const name of Object.values(directorySecretNames)) {
      const info = describeSecret(name)
      expect(info.group, name).toBe('directory')
      expect(info.description?.ja, name).toMatch(/^ディレクトリ同期: /)
      expect(info.description?.en, name).toMatch(/^Directory sync: /)
      expect(info.action).toBe('clear')
    }
  })

  it('names the calendar user a pair secret belongs to', () => {
    for (const slot of ['source', 'target', 'refresh-token'] as const) {
      const info = describeSecret(calendarSecretName('u0002', slot))
      expect(info.group).toBe('calendar')
      expect(info.description?.ja).toContain('利用者 u0002 ')
      expect(info.description?.en).toContain('user u0002')
    }
    expect(describeSecret('calendar.oauth.client-secret')).toMatchObject({
      group: 'calendar',
      description: { en: expect.stringContaining('Google OAuth client secret') },
    })
  })

  it('puts the admin alerts password and webhook URL under admin alerts', () => {
    for (const name of ['alerts.smtp.password', 'alerts.webhook.url']) {
      const info = describeSecret(name)
      expect(info.group, name).toBe('alerts')
      expect(info.description?.ja, name).toMatch(/^管理者への通知: /)
      expect(info.description?.en, name).toMatch(/^Admin alerts: /)
    }
  })

  it('puts the site key and the partner endpoint passphrase under site link', () => {
    for (const name of ['sitelink.site-key', 'sitelink.endpoint.passphrase']) {
      const info = describeSecret(name)
      expect(info.group, name).toBe('sitelink')
      expect(info.description?.ja, name).toMatch(/^サイト間連携: /)
      expect(info.description?.en, name).toMatch(/^Site link: /)
    }
  })

  it('offers the daemon access token for rotation, saying what it breaks', () => {
    const info = describeSecret('daemon.access-token')
    expect(info).toMatchObject({ group: 'app', action: 'rotate' })
    expect(info.description?.ja).toContain('ブックマーク')
    expect(info.description?.en).toContain('bookmarks')
  })

  it('says that clearing the site link feed key revokes every feed URL', () => {
    const info = describeSecret('sitelink.feed-key')
    expect(info).toMatchObject({ group: 'sitelink', action: 'clear' })
    expect(info.description?.ja).toMatch(/^サイト間連携: .*使えなくなり/)
    expect(info.description?.en).toMatch(/^Site link: .*stops every feed URL/)
  })

  it('leaves every other name to the admin, without guessing what it is', () => {
    for (const name of [
      'groupware.password',
      'calendar.u1',
      'calendar.U1.target',
      'daemon.access-token.old',
    ]) {
      expect(describeSecret(name), name).toEqual({
        name,
        set: true,
        group: 'own',
        description: null,
        action: 'clear',
      })
    }
  })
})
