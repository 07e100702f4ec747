/**
 * One stored copy per distinct value. Department names, codes and titles repeat on every one of 100,000
 * accounts; every parser (JSON, LDAP, CSV) hands out a fresh string each time, so without a pool a target
 * listing holds 100,000 copies of a few thousand names.
 */
export class StringPool {
  private readonly values = new Map<string, string>()

  shared(value: string): string
  shared(value: string | null): string | null
  shared(value: string | null): string | null {
    if (value === null) return null
    const known = this.values.get(value)
    if (known !== undefined) return known
    this.values.set(value, value)
    return value
  }
}
