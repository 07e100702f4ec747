import type { SourceProblemReport } from '../../../../shared/model/directory'
import type { Localized } from '../../../../shared/model/localized'
import {
  SourceInputError,
  type SourceLocation,
  type SourceProblem,
  type SourceRead,
} from './directory-connectors'

/** Enough for any admin to work through; a 1,000,000-row file of broken rows still fits in memory. */
export const maxKeptProblems = 10_000

/**
 * Every problem of a source read, in the order found: the first `cap` are kept, the rest only
 * counted, so memory stays bounded however broken a huge file is.
 */
export class SourceProblemCollector {
  private readonly kept: SourceProblem[] = []
  private dropped = 0

  constructor(private readonly cap = maxKeptProblems) {}

  add(location: SourceLocation | null, message: Localized): void {
    if (this.kept.length < this.cap) this.kept.push({ location, message })
    else this.dropped += 1
  }

  /** Takes over the problems of an earlier error (a reader's), kept and omitted alike. */
  addError(error: SourceInputError): void {
    for (const problem of error.problems) this.add(problem.location, problem.message)
    this.dropped += error.omitted
  }

  get total(): number {
    return this.kept.length + this.dropped
  }

  /** The error to throw, or null when no problem was found. */
  toError(readSoFar?: SourceRead): SourceInputError | null {
    if (this.total === 0) return null
    return new SourceInputError([...this.kept], this.dropped, readSoFar)
  }
}

/** The report the API and the CLI carry: plain data, every problem with its place. */
export function problemReport(error: SourceInputError): SourceProblemReport {
  return {
    problems: error.problems.map((p) => ({
      where: p.location?.where ?? null,
      line: p.location?.line ?? null,
      message: p.message,
    })),
    omitted: error.omitted,
  }
}
