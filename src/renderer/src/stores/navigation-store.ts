/**
 * The current route, kept in step with the address bar's hash: the URL is the truth, this store is its
 * copy for React. Moving to a screen pushes a history entry, so Back and Forward walk the screens.
 */
import { create } from 'zustand'
import type { Route, Screen } from '../lib/routes'
import { dashboardRoute, parseRoute, routeHash, screenRoute, screens } from '../lib/routes'

export { screens }
export type { Screen }

interface NavigationState {
  readonly route: Route
  readonly screen: Screen
  /** True once the admin has moved between screens: then the new screen's title takes the focus. */
  readonly navigated: boolean
  /** Opens a screen at its first view (the left menu, the Dashboard's links). */
  go(screen: Screen): void
  /** Opens a route; `replace` swaps the current history entry (a form that became a saved user's page). */
  navigate(route: Route, options?: { readonly replace?: boolean }): void
}

export const useNavigationStore = create<NavigationState>()((set, get) => ({
  route: dashboardRoute,
  screen: 'dashboard',
  navigated: false,
  go(screen) {
    get().navigate(screenRoute(screen))
  },
  navigate(route, options) {
    const hash = routeHash(route)
    if (hash !== window.location.hash) {
      if (options?.replace) window.history.replaceState(null, '', hash)
      else window.history.pushState(null, '', hash)
    }
    set({ route, screen: route.screen, navigated: true })
  },
}))

/** Reads the address bar; a hash that is not the route's own spelling is corrected in place. */
function readLocation(navigated: boolean): void {
  const route = parseRoute(window.location.hash)
  const hash = routeHash(route)
  if (hash !== window.location.hash) window.history.replaceState(null, '', hash)
  const current = useNavigationStore.getState()
  if (navigated && routeHash(current.route) === hash) return
  useNavigationStore.setState({ route, screen: route.screen, navigated })
}

/**
 * Starts following the address bar. Call once, after the access token has been taken out of it
 * (`takeAccessToken`): the token must never be read as a route nor survive in a link.
 */
export function startRouter(): void {
  readLocation(false)
  // A link's href, Back, Forward or a hash typed by hand. The daemon's URL pasted into a tab (after an
  // access-denied page, or a new token) loads the page again, so the token is taken like at the start.
  const follow = (): void => {
    if (window.location.hash.startsWith('#token=')) window.location.reload()
    else readLocation(true)
  }
  window.addEventListener('hashchange', follow)
  window.addEventListener('popstate', follow)
}
