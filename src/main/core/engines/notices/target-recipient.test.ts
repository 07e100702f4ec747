import { describe, expect, it } from 'vitest'
import { fillRecipient, recipientPatternProblem } from './target-recipient'

const employee = { key: 'E0001', login: 'yamada', email: 'taro.yamada@example.co.jp' }

describe('recipient patterns', () => {
  it('fills {email} {login} {key} {localpart} anywhere in the text', () => {
    expect(fillRecipient('{email}', employee)).toEqual({
      address: 'taro.yamada@example.co.jp',
      missing: null,
    })
    expect(fillRecipient('{localpart}@chat.example.co.jp', employee)).toEqual({
      address: 'taro.yamada@chat.example.co.jp',
      missing: null,
    })
    expect(fillRecipient('@{login}', employee)).toEqual({ address: '@yamada', missing: null })
    expect(fillRecipient('{key}', employee)).toEqual({ address: 'E0001', missing: null })
    expect(fillRecipient('notice@groupware.example', employee)).toEqual({
      address: 'notice@groupware.example',
      missing: null,
    })
  })

  it('says what is missing when the employee lacks a value the pattern names', () => {
    expect(fillRecipient('{email}', { ...employee, email: null }).missing).not.toBeNull()
    expect(fillRecipient('{localpart}@x.example', { ...employee, email: null }).missing).not.toBeNull()
    expect(fillRecipient('@{login}', { ...employee, email: null })).toEqual({
      address: '@yamada',
      missing: null,
    })
  })

  it('refuses unknown names, lone braces and line breaks', () => {
    expect(recipientPatternProblem('{login}@chat.example')).toBeNull()
    expect(recipientPatternProblem('{name}')?.en).toContain('{name}')
    expect(recipientPatternProblem('{login')?.en).toContain('unmatched')
    expect(recipientPatternProblem('a}')?.en).toContain('unmatched')
    expect(recipientPatternProblem('')?.en).toBe('type the recipient pattern')
  })
})
