import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/core/store/database'
import { testEmployee, testSnapshot, writeHome } from '../support/exchange-sites'
import { tempDataDir } from '../support/test-core'

const root = join(__dirname, '../..')
const childScript = join(root, 'test/support/exchange-send-child.ts')
const dirs: string[] = []

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** Runs the sender until it printed `killAfter` lines saying B applied a batch (then kill -9), or to the end. */
function runSender(dirA: string, dirB: string, killAfter: number | null): Promise<string[]> {
  // Node itself with tsx's loader: the tsx command would run the script in a grandchild the kill misses.
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, dirA, dirB], { cwd: root })
  const lines: string[] = []
  let buffered = ''
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString()
    const parts = buffered.split('\n')
    buffered = parts.pop()!
    lines.push(...parts)
    if (killAfter !== null && lines.filter((l) => l.startsWith('applied')).length >= killAfter)
      child.kill('SIGKILL')
  })
  return new Promise((resolve, reject) =>
    child.on('exit', (code, signal) => {
      if (killAfter === null && code !== 0) reject(new Error(`sender exited ${code}: ${stderr}`))
      else if (killAfter !== null && signal !== 'SIGKILL')
        reject(new Error(`sender was not killed: ${stderr}`))
      else resolve(lines)
    }),
  )
}

it('kill -9 of the sender mid-send, then a restart: the receiver holds everything, each batch applied once (in-process transport)', async () => {
  const dirA = tempDataDir('renkei-exchange-kill-a-')
  const dirB = tempDataDir('renkei-exchange-kill-b-')
  dirs.push(dirA, dirB)
  writeHome(dirA, testSnapshot(Array.from({ length: 12_000 }, (_, i) => testEmployee(i + 1))))

  const first = await runSender(dirA, dirB, 2)
  const second = await runSender(dirA, dirB, 1)
  const last = await runSender(dirA, dirB, null)

  // Each kill landed after B applied a batch and before A saw the acknowledgement: A sent it again, and
  // B acknowledged it without applying it a second time.
  expect(first.filter((l) => l.startsWith('applied')).length).toBeGreaterThanOrEqual(2)
  expect([...second, ...last].filter((l) => l.startsWith('already-applied')).length).toBeGreaterThanOrEqual(2)
  expect(last.at(-1)).toMatch(/^done /)

  const b = openDatabase(dirB)
  const a = openDatabase(dirA)
  try {
    const receipt = b
      .prepare(`SELECT last_seq AS lastSeq, batches, items FROM link_receipts WHERE kind = 'employee'`)
      .get() as { lastSeq: number; batches: number; items: number }
    // 12,000 people in batches of 2,000: numbers 1..6, each applied exactly once.
    expect(receipt).toEqual({ lastSeq: 6, batches: 6, items: 12_000 })
    const keys = b
      .prepare(`SELECT count(DISTINCT key) FROM partner_items WHERE kind = 'employee'`)
      .pluck()
      .get() as number
    expect(keys).toBe(12_000)
    expect(a.prepare('SELECT count(*) FROM link_outbox').pluck().get()).toBe(0)
  } finally {
    a.close()
    b.close()
  }
}, 120_000)
