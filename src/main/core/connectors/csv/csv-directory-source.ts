import type { ConnectionCheckResult } from '../../../../shared/model/directory'
import type { CsvSourceConfig } from '../../../../shared/model/directory-config'
import {
  SourceInputError,
  type DirectorySourceConnector,
  type ReadProgress,
  type SourceRead,
} from '../../engines/directory/directory-connectors'
import { SourceProblemCollector } from '../../engines/directory/source-problems'
import { ConnectorError } from '../connector-error'
import { loadCsvText } from './csv-file-loader'
import { csvCheckMessages } from './csv-messages'
import { readCsvSnapshot } from './csv-snapshot-reader'
import type { CsvFileSummary, RowTick } from './csv-table-reader'

const progressEvery = 1000
const checkDetailProblems = 100

/** Counts rows across both files; every `progressEvery` rows it reports progress and honours an abort. */
function pacer(signal: AbortSignal, onProgress?: (progress: ReadProgress) => void) {
  let read = 0
  const tick: RowTick = () => {
    read += 1
    if (read % progressEvery !== 0) return
    signal.throwIfAborted()
    onProgress?.({ read })
  }
  const finish = (): void => {
    signal.throwIfAborted()
    onProgress?.({ read })
  }
  return { tick, finish }
}

function checkFailure(error: unknown, summaries: readonly CsvFileSummary[]): ConnectionCheckResult {
  const read = summaries.map(csvCheckMessages.summaryLine)
  if (error instanceof SourceInputError) {
    const first = error.problems[0]?.message ?? csvCheckMessages.unexpected()
    // The check is a quick look: the preview pages the complete list.
    const listed = error.problems.slice(0, checkDetailProblems).flatMap((p) => [p.message.ja, p.message.en])
    const detail = [...read, ...listed].join('\n')
    const count = error.problems.length + error.omitted
    return { ok: false, message: csvCheckMessages.problems(count, first), detail }
  }
  if (error instanceof ConnectorError)
    return { ok: false, message: error.localized, detail: error.serverAnswer }
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  return { ok: false, message: csvCheckMessages.unexpected(), detail }
}

/**
 * The two files a Japanese groupware admin screen exports (users, departments) as a directory source.
 * Reads are whole-file and stateless: each read() is a fresh, complete snapshot.
 */
export class CsvDirectorySource implements DirectorySourceConnector {
  constructor(private readonly config: CsvSourceConfig) {}

  /** Reads both files completely (there is no cheaper way to count CSV rows) and says what it found. */
  async check(): Promise<ConnectionCheckResult> {
    const summaries: CsvFileSummary[] = []
    try {
      await this.load(new AbortController().signal, undefined, summaries)
      const [users, departments] = summaries
      if (!users || !departments) return checkFailure(new Error('missing file summary'), summaries)
      return {
        ok: true,
        message: csvCheckMessages.ok(users, departments),
        detail: summaries.map(csvCheckMessages.summaryLine).join('\n'),
      }
    } catch (error) {
      return checkFailure(error, summaries)
    }
  }

  read(signal: AbortSignal, onProgress?: (progress: ReadProgress) => void): Promise<SourceRead> {
    return this.load(signal, onProgress, [])
  }

  private async load(
    signal: AbortSignal,
    onProgress: ((progress: ReadProgress) => void) | undefined,
    summaries: CsvFileSummary[],
  ): Promise<SourceRead> {
    signal.throwIfAborted()
    const users = await loadCsvText(this.config.usersFile, this.config.encoding)
    const departments = await loadCsvText(this.config.departmentsFile, this.config.encoding)
    signal.throwIfAborted()
    const problems = new SourceProblemCollector()
    const { tick, finish } = pacer(signal, onProgress)
    const { complete, ...result } = await readCsvSnapshot(
      users,
      departments,
      this.config,
      problems,
      tick,
      summaries,
    )
    const error = problems.toError(complete ? result : undefined)
    if (error) throw error
    finish()
    return result
  }
}
