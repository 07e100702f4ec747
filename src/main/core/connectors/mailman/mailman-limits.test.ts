import { describe, expect, it } from 'vitest'
import { ConnectorError } from '../connector-error'
import { checkLine, isMailmanAddress, listNameForRoom } from './mailman-limits'

const thrown = (call: () => unknown) => {
  try {
    call()
  } catch (error) {
    return error as ConnectorError
  }
  return null
}

describe('Mailman limits', () => {
  it('makes a lower-case list name from a room id and refuses what Mailman would refuse', () => {
    expect(listNameForRoom('Dev_Team.2026')).toBe('room-dev_team.2026')
    for (const bad of ['開発', 'a+b', 'a b', 'x'.repeat(48)])
      expect(thrown(() => listNameForRoom(bad))?.kind).toBe('permanent')
    expect(thrown(() => listNameForRoom('-x', ''))?.localized.en).toContain('starting with a letter or digit')
  })

  it('counts display names in code points and refuses line breaks', () => {
    expect(thrown(() => checkLine('name', '😀'.repeat(255), 255))).toBeNull()
    expect(thrown(() => checkLine('name', '😀'.repeat(256), 255))?.localized.en).toContain('256 characters')
    expect(thrown(() => checkLine('name', 'a\nb', 255))?.localized.ja).toContain('改行')
  })

  it("checks addresses the way Mailman's validator does", () => {
    expect(isMailmanAddress("o'brien+tag@mail.example.test")).toBe(true)
    for (const bad of ['plain', 'a@localhost', 'a b@example.test', 'a@-x.example', 'a@ex_ample.test'])
      expect(isMailmanAddress(bad)).toBe(false)
  })
})
