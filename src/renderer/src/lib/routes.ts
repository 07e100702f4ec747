/**
 * Every screen and detail as a hash route (`#/calendar/users/u0002`, `#/history?level=error`), so Back,
 * Forward, reload and bookmarks work in the Electron window and in the daemon's tab alike. Pure: no DOM,
 * no API, so tests import it. Anything unknown or malformed reads as the Dashboard, never a blank page.
 */
import { directions, levels } from '../../../shared/model/history'
import { emptyDraft, type FilterDraft } from '../stores/filter-draft'

export const screens = [
  'dashboard',
  'directory',
  'calendar',
  'links',
  'notices',
  'rooms',
  'history',
  'settings',
] as const
export type Screen = (typeof screens)[number]

/** The Directory screen's steps, in the order an admin sets up and then runs a sync. */
export const directorySteps = ['source', 'target', 'schedule', 'preview', 'run'] as const
export type DirectoryStep = (typeof directorySteps)[number]

export type CalendarRouteView =
  { readonly kind: 'list' } | { readonly kind: 'add' } | { readonly kind: 'edit'; readonly id: string }

/** The tabs of one partner site after its overview: 訪問設定, 受入設定, プレビュー, 訪問ログ. */
export const linkTabs = ['visit', 'accept', 'preview', 'visits'] as const
export type LinkTab = (typeof linkTabs)[number]

/** Site link: the list (home site, links, request and accept) or one partner site's detail (a tab of it). */
export type LinksRouteView =
  { readonly kind: 'list' } | { readonly kind: 'detail'; readonly id: string; readonly tab?: LinkTab }

/** The Notices screen's tabs (送信先, テンプレート, 通知設定, キュー, 履歴, 受信, 設定), each its own URL. */
export const noticeTabs = [
  'targets',
  'templates',
  'optins',
  'queue',
  'events',
  'sources',
  'settings',
] as const
export type NoticeTab = (typeof noticeTabs)[number]

/** A tab of the Notices screen; on 履歴 (`#/notices/events/<row>`) one event's delivery detail. */
export type NoticesRouteView = { readonly tab: NoticeTab; readonly row?: number }

/** The Rooms screen's tabs (コミュニティ, プレビュー, システムパラメタ, メンバ追加通知, 履歴), each its own URL. */
export const roomTabs = ['communities', 'preview', 'parameters', 'notices', 'history'] as const
export type RoomTab = (typeof roomTabs)[number]

export type Route =
  | { readonly screen: 'dashboard' }
  | { readonly screen: 'directory'; readonly step: DirectoryStep }
  | { readonly screen: 'calendar'; readonly view: CalendarRouteView }
  | { readonly screen: 'links'; readonly view: LinksRouteView }
  | { readonly screen: 'notices'; readonly view: NoticesRouteView }
  | { readonly screen: 'rooms'; readonly tab: RoomTab }
  | { readonly screen: 'history'; readonly filter: FilterDraft }
  | { readonly screen: 'settings' }

export const dashboardRoute: Route = { screen: 'dashboard' }

/** Where the left menu takes each screen: its first view, with no detail. */
export function screenRoute(screen: Screen): Route {
  switch (screen) {
    case 'directory':
      return { screen, step: 'source' }
    case 'calendar':
    case 'links':
      return { screen, view: { kind: 'list' } }
    case 'history':
      return { screen, filter: emptyDraft }
    case 'notices':
      return { screen, view: { tab: 'targets' } }
    case 'rooms':
      return { screen, tab: 'communities' }
    default:
      return { screen }
  }
}

/** The filter's query keys, in the order they are written; `from`/`to` are local days (YYYY-MM-DD). */
const filterKeys = ['site', 'direction', 'category', 'level', 'from', 'to', 'text'] as const
const maxLengths: Readonly<Record<(typeof filterKeys)[number], number>> = {
  site: 200,
  direction: 10,
  category: 100,
  level: 10,
  from: 10,
  to: 10,
  text: 200,
}
const day = /^\d{4}-\d{2}-\d{2}$/
const maxIdLength = 128

function includes<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value)
}

/** A bookmarked filter with a value the form could not hold (a made-up level, a broken date) drops that value. */
function parseFilter(query: URLSearchParams): FilterDraft {
  const draft: Record<string, string> = { ...emptyDraft }
  for (const key of filterKeys) {
    const value = query.get(key)?.trim() ?? ''
    if (!value || value.length > maxLengths[key]) continue
    if (key === 'direction' && !includes(directions, value)) continue
    if (key === 'level' && !includes(levels, value)) continue
    if ((key === 'from' || key === 'to') && !day.test(value)) continue
    draft[key] = value
  }
  return draft as unknown as FilterDraft
}

function parseCalendar(rest: readonly string[]): Route | null {
  if (rest.length === 0) return { screen: 'calendar', view: { kind: 'list' } }
  if (rest.length === 1 && rest[0] === 'new') return { screen: 'calendar', view: { kind: 'add' } }
  const id = rest[0] === 'users' && rest.length === 2 ? rest[1]! : ''
  if (!id || id.length > maxIdLength) return null
  return { screen: 'calendar', view: { kind: 'edit', id } }
}

function parseLinks(rest: readonly string[]): Route | null {
  if (rest.length === 0) return { screen: 'links', view: { kind: 'list' } }
  const tab = linkTabs.find((t) => t === rest[1])
  const id = rest.length === 1 || (rest.length === 2 && tab) ? rest[0]! : ''
  if (!id || id.length > maxIdLength) return null
  return { screen: 'links', view: tab ? { kind: 'detail', id, tab } : { kind: 'detail', id } }
}

function parseNotices(rest: readonly string[]): Route | null {
  if (rest.length === 0) return screenRoute('notices')
  const tab = noticeTabs.find((t) => t === rest[0])
  if (!tab || rest.length > 2) return null
  if (rest.length === 1) return { screen: 'notices', view: { tab } }
  const row = /^\d{1,15}$/.test(rest[1]!) ? Number(rest[1]) : NaN
  return tab === 'events' && Number.isSafeInteger(row) ? { screen: 'notices', view: { tab, row } } : null
}

function decodeSegments(path: string): string[] | null {
  try {
    return path
      .split('/')
      .filter((s) => s !== '')
      .map((s) => decodeURIComponent(s))
  } catch {
    return null
  }
}

/** `#/screen/detail?query` → a route; the Dashboard for anything it does not know. */
export function parseRoute(hash: string): Route {
  const body = hash.startsWith('#') ? hash.slice(1) : hash
  if (!body.startsWith('/')) return dashboardRoute
  const queryAt = body.indexOf('?')
  const path = queryAt === -1 ? body : body.slice(0, queryAt)
  const query = new URLSearchParams(queryAt === -1 ? '' : body.slice(queryAt + 1))
  const segments = decodeSegments(path)
  if (!segments) return dashboardRoute
  const [screen, ...rest] = segments
  if (screen === undefined || !includes(screens, screen)) return dashboardRoute
  switch (screen) {
    case 'directory':
      if (rest.length === 0) return screenRoute('directory')
      return rest.length === 1 && includes(directorySteps, rest[0]!)
        ? { screen, step: rest[0] }
        : dashboardRoute
    case 'calendar':
      return parseCalendar(rest) ?? dashboardRoute
    case 'links':
      return parseLinks(rest) ?? dashboardRoute
    case 'notices':
      return parseNotices(rest) ?? dashboardRoute
    case 'rooms':
      if (rest.length === 0) return screenRoute('rooms')
      return rest.length === 1 && includes(roomTabs, rest[0]!) ? { screen, tab: rest[0] } : dashboardRoute
    case 'history':
      return rest.length === 0 ? { screen, filter: parseFilter(query) } : dashboardRoute
    default:
      return rest.length === 0 ? { screen } : dashboardRoute
  }
}

function filterQuery(filter: FilterDraft): string {
  const query = new URLSearchParams()
  for (const key of filterKeys) {
    const value = filter[key].trim()
    if (value) query.set(key, value)
  }
  const text = query.toString()
  return text ? `?${text}` : ''
}

/** A route as the one hash that stands for it (parsing it gives the same route back). */
export function routeHash(route: Route): string {
  switch (route.screen) {
    case 'directory':
      return `#/directory/${route.step}`
    case 'calendar': {
      const { view } = route
      if (view.kind === 'list') return '#/calendar'
      return view.kind === 'add' ? '#/calendar/new' : `#/calendar/users/${encodeURIComponent(view.id)}`
    }
    case 'links': {
      const { view } = route
      if (view.kind === 'list') return '#/links'
      return `#/links/${encodeURIComponent(view.id)}${view.tab ? `/${view.tab}` : ''}`
    }
    case 'notices': {
      const { tab, row } = route.view
      return `#/notices/${tab}${row === undefined ? '' : `/${row}`}`
    }
    case 'rooms':
      return `#/rooms/${route.tab}`
    case 'history':
      return `#/history${filterQuery(route.filter)}`
    default:
      return `#/${route.screen}`
  }
}
