import { readFile } from 'node:fs/promises'
import { UsageError } from './cli-output'

export interface JsonInputOptions {
  readonly file?: string
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

async function readText(argument: string | undefined, file: string | undefined): Promise<[string, string]> {
  if ((argument === undefined) === (file === undefined)) {
    throw new UsageError({
      ja: 'JSON を 1 つだけ渡してください: 引数、--file ファイル、または標準入力なら "-"。何も変更していません。',
      en: 'Give the JSON once: as an argument, with --file FILE, or "-" to read stdin. Nothing was changed.',
    })
  }
  if (file !== undefined) {
    try {
      return [await readFile(file, 'utf8'), file]
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error)
      throw new UsageError({
        ja: `ファイル ${file} を読めません（${reason}）。何も変更していません。`,
        en: `Cannot read the file ${file} (${reason}). Nothing was changed.`,
      })
    }
  }
  return argument === '-' ? [await readStdin(), 'stdin'] : [argument!, 'the argument']
}

/** The JSON a config command was given (argument, `--file F`, or `-` for stdin), parsed; a syntax error exits 2. */
export async function readJsonInput(
  argument: string | undefined,
  options: JsonInputOptions,
): Promise<unknown> {
  const [text, origin] = await readText(argument, options.file)
  try {
    // A BOM from a Windows editor is not part of the JSON.
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    const where = origin === 'the argument' ? '引数' : origin === 'stdin' ? '標準入力' : origin
    throw new UsageError({
      ja: `${where}の JSON を読めません（${reason}）。何も変更していません。`,
      en: `The JSON in ${origin} cannot be read (${reason}). Nothing was changed.`,
    })
  }
}
