import { describe, expect, it } from 'vitest'
import { fillRecipient, recipientPatternProblem } from './target-recipient'

const employee = { key: 'E0001', login: 'yamada', email: 'taro.yamada@example.co.jp' }

describe('recipient patterns', () => {
  it('fills {email} {login} {key} {localpart} anywhere in the text', () => {
    expect(fillRecipient('{email}', employee)).toBe('taro.yamada@example.co.jp')
    expect(fillRecipient('{localpart}@chat.example.co.jp', employee)).toBe('taro.yamada@chat.example.co.jp')
    expect(fillRecipient('@{login}', employee)).toBe('@yamada')
    expect(fillRecipient('{key}', employee)).toBe('E0001')
    expect(fillRecipient('notice@groupware.example', employee)).toBe('notice@groupware.example')
  })

  it('gives null when the employee lacks a value the pattern names', () => {
    expect(fillRecipient('{email}', { ...employee, email: null })).toBeNull()
    expect(fillRecipient('{localpart}@x.example', { ...employee, email: null })).toBeNull()
    expect(fillRecipient('@{login}', { ...employee, email: null })).toBe('@yamada')
  })

  it('refuses unknown names, lone braces and line breaks', () => {
    expect(recipientPatternProblem('{login}@chat.example')).toBeNull()
    expect(recipientPatternProblem('{name}')?.en).toContain('{name}')
    expect(recipientPatternProblem('{login')?.en).toContain('unmatched')
    expect(recipientPatternProblem('a}')?.en).toContain('unmatched')
    expect(recipientPatternProblem('')?.en).toBe('type the recipient pattern')
  })
})
