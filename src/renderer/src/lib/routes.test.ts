import { describe, expect, it } from 'vitest'
import { emptyDraft } from '../stores/filter-draft'
import type { Route } from './routes'
import { directorySteps, noticeTabs, parseRoute, roomTabs, routeHash, screenRoute, screens } from './routes'

const dashboard: Route = { screen: 'dashboard' }

describe('hash routes', () => {
  const routes: Route[] = [
    ...screens.map(screenRoute),
    ...directorySteps.map((step): Route => ({ screen: 'directory', step })),
    { screen: 'calendar', view: { kind: 'add' } },
    { screen: 'calendar', view: { kind: 'edit', id: 'u0002' } },
    // An id with characters a path cannot hold as they are.
    { screen: 'calendar', view: { kind: 'edit', id: 'a/b c?d#e&f' } },
    { screen: 'links', view: { kind: 'detail', id: 'lnk_01' } },
    { screen: 'links', view: { kind: 'detail', id: 'a/b c?d#e&f' } },
    { screen: 'links', view: { kind: 'detail', id: 'lnk_01', tab: 'accept' } },
    ...noticeTabs.map((tab): Route => ({ screen: 'notices', view: { tab } })),
    { screen: 'notices', view: { tab: 'events', row: 42 } },
    ...roomTabs.map((tab): Route => ({ screen: 'rooms', tab })),
    {
      screen: 'history',
      filter: { ...emptyDraft, level: 'error', site: 'A社 東京&大阪', from: '2026-11-01', to: '2026-11-30' },
    },
    {
      screen: 'history',
      filter: { ...emptyDraft, direction: 'receive', category: 'calendar', text: '100% #1 ?x=y' },
    },
  ]

  it.each(routes.map((r) => [routeHash(r), r] as const))('%s reads back as the same route', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route)
    expect(routeHash(parseRoute(hash))).toBe(hash)
  })

  it('spells each screen and detail as the address bar shows it', () => {
    expect(routeHash(screenRoute('dashboard'))).toBe('#/dashboard')
    expect(routeHash({ screen: 'directory', step: 'preview' })).toBe('#/directory/preview')
    expect(routeHash({ screen: 'calendar', view: { kind: 'edit', id: 'u0002' } })).toBe(
      '#/calendar/users/u0002',
    )
    expect(routeHash({ screen: 'history', filter: { ...emptyDraft, level: 'error', site: 'B社' } })).toBe(
      '#/history?site=B%E7%A4%BE&level=error',
    )
    expect(routeHash(screenRoute('history'))).toBe('#/history')
    expect(routeHash(screenRoute('links'))).toBe('#/links')
    expect(routeHash({ screen: 'links', view: { kind: 'detail', id: 'lnk_01' } })).toBe('#/links/lnk_01')
    expect(routeHash({ screen: 'links', view: { kind: 'detail', id: 'lnk_01', tab: 'visits' } })).toBe(
      '#/links/lnk_01/visits',
    )
  })

  it('opens a screen without its detail at its first view', () => {
    expect(parseRoute('#/directory')).toEqual({ screen: 'directory', step: 'source' })
    expect(parseRoute('#/calendar/')).toEqual({ screen: 'calendar', view: { kind: 'list' } })
    expect(parseRoute('#/history')).toEqual({ screen: 'history', filter: emptyDraft })
    expect(parseRoute('#/links/')).toEqual({ screen: 'links', view: { kind: 'list' } })
    expect(parseRoute('#/notices')).toEqual({ screen: 'notices', view: { tab: 'targets' } })
    expect(parseRoute('#/rooms')).toEqual({ screen: 'rooms', tab: 'communities' })
  })

  it.each([
    '',
    '#',
    '#/',
    '#main',
    '#token=abc',
    '#/nowhere',
    '#/DASHBOARD',
    '#/settings/extra',
    '#/directory/delete-everything',
    '#/directory/preview/more',
    '#/calendar/users',
    '#/calendar/users/',
    '#/calendar/u0002',
    `#/calendar/users/${'x'.repeat(129)}`,
    '#/calendar/users/%E0%A4%A',
    '#/history/extra',
    '#/links/lnk_01/more',
    `#/links/${'x'.repeat(129)}`,
    '#/links/%E0%A4%A',
    '#/notices/outbox',
    '#/notices/queue/12',
    '#/notices/events/abc',
    '#/notices/events/1/more',
    '#/rooms/rooms',
    '#/rooms/preview/extra',
    '#/__proto__',
    '#/constructor',
  ])('reads %j as the Dashboard', (hash) => {
    expect(parseRoute(hash)).toEqual(dashboard)
  })

  it('drops filter values the form could not hold and keeps the rest', () => {
    const route = parseRoute(
      `#/history?level=fatal&direction=up&from=yesterday&to=2026-13&site=${'s'.repeat(201)}&category=audit&text=%20ok%20&extra=1`,
    )
    expect(route).toEqual({ screen: 'history', filter: { ...emptyDraft, category: 'audit', text: 'ok' } })
  })
})
