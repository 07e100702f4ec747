import type { Localized } from '../../../../shared/model/localized'
import { SourceInputError, type SourceProblem } from '../../engines/directory/directory-connectors'
import { csvProblemMessages } from './csv-messages'

/**
 * Collects every problem of both files so the admin fixes them in one go, up to a cap that keeps the
 * screen usable. Once over the cap, readers stop: more of the same would not help.
 */
export class CsvProblemList {
  private readonly items: SourceProblem[] = []
  private overflowed = false

  constructor(private readonly cap = 100) {}

  add(where: string, line: number | null, message: Localized): void {
    if (this.items.length < this.cap) this.items.push({ location: { where, line }, message })
    else this.overflowed = true
  }

  /** True once a problem was dropped: stop reading. */
  get full(): boolean {
    return this.overflowed
  }

  get count(): number {
    return this.items.length
  }

  /** The error to throw, or null when no problem was found. The last slot says when more were dropped. */
  toError(): SourceInputError | null {
    if (this.items.length === 0) return null
    if (!this.overflowed) return new SourceInputError([...this.items])
    const kept = this.items.slice(0, this.cap - 1)
    return new SourceInputError([...kept, { location: null, message: csvProblemMessages.tooMany() }])
  }
}
