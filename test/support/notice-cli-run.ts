import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { projectRoot, requireFreshBuild, type CliResult } from './cli'

/**
 * Runs the built `renkei` command without blocking this process: needed when the CLI talks to a server
 * the test itself runs (an SMTP server on loopback), which `runCli`'s spawnSync would starve.
 */
export function runCliAsync(args: readonly string[], input = ''): Promise<CliResult> {
  requireFreshBuild()
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(projectRoot, 'bin', 'renkei.cjs'), ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.once('error', reject)
    child.once('close', (status) => {
      clearTimeout(timer)
      resolve({ status, stdout, stderr })
    })
    child.stdin.end(input)
  })
}
