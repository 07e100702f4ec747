/**
 * For every conditional skip (`describe.skipIf`, `it.skipIf`, …): vitest reports a skipped test without
 * saying why, so this prints the reason on stderr (shown under the test file's name). When `requiredBy`
 * names an environment variable set to 1 — scripts/test-all.sh sets RENKEI_REQUIRE_KEYCHAIN=1 — the
 * skip is a failure instead, so CI cannot pass by testing less. Returns whether to skip.
 */
export function skipBecause(skip: boolean, reason: string, requiredBy?: string): boolean {
  if (!skip) return false
  if (requiredBy !== undefined && process.env[requiredBy] === '1') {
    throw new Error(`${requiredBy}=1, but these tests cannot run: ${reason}`)
  }
  console.warn(`skipped: ${reason}`)
  return true
}
