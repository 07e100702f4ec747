import type { PartnerRoute } from '../../engines/sitelink/sitelink-ports'

export interface MatchedRoute {
  readonly route: PartnerRoute
  readonly params: Readonly<Record<string, string>>
}

function segments(path: string): string[] {
  return path.split('/').filter((part) => part !== '')
}

/** The registered route for a method and a path below the base path, with its `:name` values decoded. */
export function matchRoute(
  routes: readonly PartnerRoute[],
  method: string,
  path: string,
): MatchedRoute | null {
  const given = segments(path)
  for (const route of routes) {
    if (route.method !== method) continue
    const pattern = segments(route.path)
    if (pattern.length !== given.length) continue
    const params: Record<string, string> = {}
    const matches = pattern.every((part, i) => {
      if (!part.startsWith(':')) return part === given[i]
      try {
        params[part.slice(1)] = decodeURIComponent(given[i]!)
        return true
      } catch {
        return false
      }
    })
    if (matches) return { route, params }
  }
  return null
}
