import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { describeIssues } from './input-issues'

const schema = z
  .object({
    permits: z.array(z.object({ id: z.string().regex(/^[a-z]+$/, 'use a-z'), permitted: z.boolean() })),
    mode: z.enum(['one-way', 'two-way']),
    value: z.string().max(5),
  })
  .strict()

function problems(input: unknown) {
  const parsed = schema.safeParse(input)
  if (parsed.success) throw new Error('expected a refusal')
  return describeIssues(parsed.error.issues, input)
}

describe('describeIssues', () => {
  it('names each field by its JSON path, in Japanese and in English', () => {
    const text = problems({
      permits: [{ id: 'ok', permitted: true }, { id: 'BAD', permitted: 'yes' }, { permitted: true }],
      mode: 'both',
      value: 'abc',
      extra: 1,
    })
    expect(text.en.split('; ')).toEqual([
      'permits[1].id: use a-z',
      'permits[1].permitted: must be true or false',
      'permits[2].id: is required',
      'mode: must be one of: "one-way", "two-way"',
      'extra: there is no such field',
    ])
    expect(text.ja.split('; ')).toEqual([
      'permits[1].id: 形式が正しくありません（use a-z）',
      'permits[1].permitted: true または false の値で指定してください',
      'permits[2].id: 必須です',
      'mode: 次のいずれかにしてください: "one-way", "two-way"',
      'extra: そのような項目はありません',
    ])
  })

  it('says what the limit is without repeating the refused value (it may be a secret)', () => {
    const text = problems({ permits: [], mode: 'one-way', value: 'secret-value' })
    expect(text).toEqual({ ja: 'value: 5文字以下にしてください', en: 'value: must be at most 5 characters' })
  })
})
