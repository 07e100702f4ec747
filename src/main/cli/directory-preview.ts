import { sourceProblemReport, type DirectoryPlan } from '../../shared/model/directory'
import { ApiError } from '../../shared/model/errors'
import type { Core } from '../core/core-types'
import { printJson } from './cli-output'
import { problemsJson, problemsText } from './directory-output'

/**
 * The dry run, for `preview` and for the counts `run` asks about. A source with problems lists every one
 * of them (stderr, or stdout with --json), sets exit code 1 and gives null.
 */
export async function previewOrReport(
  core: Core,
  json: boolean,
  limit: number,
): Promise<DirectoryPlan | null> {
  try {
    return await core.api['directory.preview']({ limit })
  } catch (error) {
    const report = error instanceof ApiError ? sourceProblemReport(error.detail) : null
    if (!(error instanceof ApiError) || !report) throw error
    if (json) printJson(problemsJson(error, report))
    else process.stderr.write(problemsText(error, report))
    process.exitCode = 1
    return null
  }
}
