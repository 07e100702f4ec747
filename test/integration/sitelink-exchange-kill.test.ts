import { rmSync } from 'node:fs'
import { afterEach, expect, it } from 'vitest'
import { expectEveryoneReceivedOnce } from '../support/exchange-expect'
import { testEmployee, testSnapshot, writeHome } from '../support/exchange-sites'
import { tempDataDir } from '../support/test-core'
import { startTsxChild } from '../support/tsx-child'

const dirs: string[] = []

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** Runs the sender until it printed `killAfter` lines saying B applied a batch (then kill -9), or to the end. */
async function runSender(dirA: string, dirB: string, killAfter: number | null): Promise<string[]> {
  const lines: string[] = []
  const sender = startTsxChild('test/support/exchange-send-child.ts', [dirA, dirB], (line, child) => {
    lines.push(line)
    if (killAfter !== null && lines.filter((l) => l.startsWith('applied')).length >= killAfter)
      void child.kill()
  })
  const { code, signal, stderr } = await sender.exited
  if (killAfter === null && code !== 0) throw new Error(`sender exited ${code}: ${stderr}`)
  if (killAfter !== null && signal !== 'SIGKILL') throw new Error(`sender was not killed: ${stderr}`)
  return lines
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

  expectEveryoneReceivedOnce(dirA, dirB, 12_000)
}, 120_000)
