/**
 * A TypeScript script run in a child process for kill -9 tests. Node itself with tsx's loader: the tsx
 * command would run the script in a grandchild that a kill of the child misses.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'

const root = join(__dirname, '../..')

export interface ChildExit {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
}

export interface TsxChild {
  readonly child: ChildProcess
  readonly exited: Promise<ChildExit>
  /** kill -9, resolved once the child is gone. */
  kill(): Promise<void>
}

/** Starts `script` (relative to the repository) with `args`; `onLine` sees each whole line of its stdout. */
export function startTsxChild(
  script: string,
  args: readonly string[],
  onLine?: (line: string, child: TsxChild) => void,
): TsxChild {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, script), ...args], { cwd: root })
  let stdout = ''
  let stderr = ''
  let buffered = ''
  const exited = new Promise<ChildExit>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  )
  const handle: TsxChild = {
    child,
    exited,
    kill: async () => {
      child.kill('SIGKILL')
      await exited
    },
  }
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
    buffered += chunk.toString()
    const lines = buffered.split('\n')
    buffered = lines.pop()!
    for (const line of lines) onLine?.(line, handle)
  })
  return handle
}
