import { describe, expect, it } from 'vitest'
import { ConnectorError } from '../connector-error'
import { readWholeRoster } from './mailman-roster'

type Page = { start: number; total_size: number; entries?: { member_id: string; email: string }[] }

const entry = (i: number) => ({ member_id: `id${i}`, email: `m${i}@example.test` })
/** Pages as Mailman 3.3.8 answers them (start = (page-1)*count, no `entries` past the end), then `tamper`. */
function reader(total: number, tamper: (page: number, answer: Page) => Page = (_, a) => a) {
  return async (path: string) => {
    // A real wait, so a reader that never stops paging fails by the test's timeout instead of hanging.
    await new Promise((resolve) => setImmediate(resolve))
    const url = new URL(path, 'http://x')
    const count = Number(url.searchParams.get('count'))
    const page = Number(url.searchParams.get('page'))
    const start = (page - 1) * count
    const ids = Array.from({ length: Math.max(0, Math.min(count, total - start)) }, (_, i) =>
      entry(start + i),
    )
    const answer: Page = { start, total_size: total, ...(ids.length ? { entries: ids } : {}) }
    return { status: 200, body: tamper(page, answer), detail: '', location: null }
  }
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error as ConnectorError,
  )

describe('readWholeRoster', () => {
  it('reads every page until total_size, and an empty roster in one request', async () => {
    expect((await readWholeRoster(reader(5), 'l', 'member', 2)).map((e) => e.memberId)).toEqual([
      'id0',
      'id1',
      'id2',
      'id3',
      'id4',
    ])
    expect(await readWholeRoster(reader(0), 'l', 'member', 2)).toEqual([])
  })

  it.each([
    ['a short middle page', (p: number, a: Page) => (p === 2 ? { ...a, entries: a.entries!.slice(1) } : a)],
    ['a page out of place', (p: number, a: Page) => (p === 2 ? { ...a, start: 0 } : a)],
    [
      'a membership listed twice',
      (p: number, a: Page) => (p === 2 ? { ...a, entries: [entry(0), entry(3)] } : a),
    ],
    ['a total that grows', (p: number, a: Page) => (p === 3 ? { ...a, total_size: 6 } : a)],
    ['a page without numbers', (p: number, a: Page) => (p === 2 ? ({ entries: a.entries } as Page) : a)],
  ])('refuses %s', { timeout: 2000 }, async (_, tamper) => {
    const error = await refusal(readWholeRoster(reader(5, tamper), 'room.example.test', 'member', 2))
    expect(error).toBeInstanceOf(ConnectorError)
    expect(error?.localized.en).toContain('could not be read completely, so nothing was removed')
    expect(error?.localized.ja).toContain('何も削除・変更せずに止めました')
  })
})
