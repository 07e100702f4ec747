import type { z } from 'zod'
import type { Localized } from '../../shared/model/localized'

type Issue = z.core.$ZodIssue

const typeNames: Record<string, Localized> = {
  string: { ja: '文字列', en: 'a string' },
  number: { ja: '数値', en: 'a number' },
  int: { ja: '整数', en: 'an integer' },
  boolean: { ja: 'true または false の値', en: 'true or false' },
  array: { ja: '配列（[...]）', en: 'an array ([...])' },
  object: { ja: 'オブジェクト（{...}）', en: 'an object ({...})' },
  record: { ja: 'オブジェクト（{...}）', en: 'an object ({...})' },
}

/** `source.users.key`, `permits[2].id`: the field as the admin writes it in JSON. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('')
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return undefined
    value = (value as Record<PropertyKey, unknown>)[part]
  }
  return value
}

function limit(issue: Issue & { code: 'too_small' | 'too_big' }): Localized {
  const small = issue.code === 'too_small'
  const bound = String(small ? issue.minimum : issue.maximum)
  const strict = issue.inclusive === false
  if (issue.origin === 'string' && small && bound === '1')
    return { ja: '空にできません', en: 'must not be empty' }
  const unit = issue.origin === 'string' ? '文字' : issue.origin === 'array' ? '件' : ''
  const what = issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : ''
  return small
    ? {
        ja: `${bound}${unit}${strict ? 'より大きく' : '以上に'}してください`,
        en: `must be ${strict ? 'more than' : 'at least'} ${bound}${what}`,
      }
    : {
        ja: `${bound}${unit}${strict ? '未満に' : '以下に'}してください`,
        en: `must be ${strict ? 'less than' : 'at most'} ${bound}${what}`,
      }
}

/** What is wrong with one field, in both languages (the schema's own wording kept for formats and rules). */
function describe(issue: Issue, input: unknown): Localized {
  switch (issue.code) {
    case 'invalid_type': {
      if (valueAt(input, issue.path) === undefined) return { ja: '必須です', en: 'is required' }
      const type = typeNames[issue.expected] ?? { ja: issue.expected, en: issue.expected }
      return { ja: `${type.ja}で指定してください`, en: `must be ${type.en}` }
    }
    case 'too_small':
    case 'too_big':
      return limit(issue)
    case 'invalid_value': {
      const values = issue.values.map((v) => JSON.stringify(v)).join(', ')
      return { ja: `次のいずれかにしてください: ${values}`, en: `must be one of: ${values}` }
    }
    case 'invalid_union':
      if ('options' in issue && issue.options) {
        const values = issue.options.map((v) => JSON.stringify(v)).join(', ')
        return { ja: `次のいずれかにしてください: ${values}`, en: `must be one of: ${values}` }
      }
      return { ja: `形式が正しくありません（${issue.message}）`, en: issue.message }
    case 'invalid_format':
      return { ja: `形式が正しくありません（${issue.message}）`, en: issue.message }
    default:
      return { ja: `正しくありません（${issue.message}）`, en: issue.message }
  }
}

/**
 * Every problem of a refused input, one per field, each named by its path: what the CLI and the API
 * say instead of zod's English-only text. `input` is the value that was checked (to tell "missing"
 * from "wrong type").
 */
export function describeIssues(issues: readonly Issue[], input: unknown): Localized {
  const lines: Localized[] = []
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = issuePath([...issue.path, key])
        lines.push({ ja: `${path}: そのような項目はありません`, en: `${path}: there is no such field` })
      }
      continue
    }
    const path = issuePath(issue.path) || '(input)'
    const text = describe(issue, input)
    lines.push({ ja: `${path}: ${text.ja}`, en: `${path}: ${text.en}` })
  }
  return { ja: lines.map((l) => l.ja).join('; '), en: lines.map((l) => l.en).join('; ') }
}
