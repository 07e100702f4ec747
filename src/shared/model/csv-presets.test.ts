import { describe, expect, it } from 'vitest'
import { csvPresetDefaults } from './csv-presets'
import { csvSourceConfig } from './directory-config'

const files = { kind: 'csv', usersFile: '/x/u.csv', departmentsFile: '/x/d.csv' } as const

describe('CSV source presets in the configuration', () => {
  it('keeps the generic mapping as the default', () => {
    const config = csvSourceConfig.parse(files)
    expect(config.preset).toBe('generic')
    expect(config.users).toEqual(csvPresetDefaults.generic.users)
    expect(config.inactiveValues).toContain('0')
  })

  it('fills what the config leaves out from the chosen preset; what it sets wins', () => {
    const config = csvSourceConfig.parse({
      ...files,
      preset: 'desknets-neo',
      users: { email: 'メールアドレス' },
    })
    expect(config.users).toEqual({ ...csvPresetDefaults['desknets-neo'].users, email: 'メールアドレス' })
    expect(config.departments.parent).toBe('上位組織')
    expect(config.inactiveValues).toEqual(['1'])
  })

  it('refuses an empty required column and an unknown preset', () => {
    expect(csvSourceConfig.safeParse({ ...files, users: { key: '' } }).success).toBe(false)
    expect(csvSourceConfig.safeParse({ ...files, preset: 'cybozu' }).success).toBe(false)
  })
})
