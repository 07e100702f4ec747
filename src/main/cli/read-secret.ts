import { UsageError } from './cli-output'

/**
 * Reads a secret without echoing it: raw mode on a terminal (nothing is shown), the whole stream
 * when piped. A trailing newline from `echo` or a file is not part of the secret.
 */
export async function readSecretFromStdin(prompt: string): Promise<string> {
  const stdin = process.stdin
  let value: string
  if (stdin.isTTY) {
    process.stderr.write(prompt)
    value = await readTyped(stdin)
    process.stderr.write('\n')
  } else {
    const chunks: Buffer[] = []
    for await (const chunk of stdin) chunks.push(chunk as Buffer)
    value = Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '')
  }
  if (value === '') throw new UsageError('No value given on stdin; nothing was changed.')
  return value
}

function readTyped(stdin: NodeJS.ReadStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let typed = ''
    stdin.setRawMode(true)
    stdin.resume()
    const done = (result: () => void): void => {
      stdin.setRawMode(false)
      stdin.pause()
      stdin.off('data', onData)
      result()
    }
    const onData = (data: Buffer): void => {
      for (const char of data.toString('utf8')) {
        if (char === '\r' || char === '\n') return done(() => resolve(typed))
        if (char === '\u0003') return done(() => reject(new UsageError('Cancelled; nothing was changed.')))
        if (char === '\u007f') typed = typed.slice(0, -1)
        else typed += char
      }
    }
    stdin.on('data', onData)
  })
}
