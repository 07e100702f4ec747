/**
 * Test double of the Core for the Electron glue's unit tests: records calls and lets a test emit
 * core events. Not imported by the app.
 */
import { vi } from 'vitest'
import type { ApiClient, ApiEvents, EventName, Subscribe } from '../../shared/api'
import { defaultSettings, type Settings } from '../../shared/model/settings'
import type { PartnerEndpoint } from '../core/connectors/peer/partner-endpoint'
import type { Core, LocalFiles } from '../core/core-types'
import type { RuleService } from '../core/engines/sitelink/rules/rule-service'

export interface FakeCore extends Core {
  readonly invoke: ReturnType<typeof vi.fn<Core['invoke']>>
  readonly wake: ReturnType<typeof vi.fn<Core['wake']>>
  readonly close: ReturnType<typeof vi.fn<Core['close']>>
  emit<E extends EventName>(event: E, payload: ApiEvents[E]): void
  listenerCount(event: EventName): number
}

const unused = (): never => {
  throw new Error('not used by the Electron glue')
}

/** Full settings from a few fields, so tests survive new settings being added. */
export function settingsWith(patch: Partial<Settings>): Settings {
  return { ...defaultSettings, ...patch }
}

export function fakeCore(settings: Partial<Settings> = {}): FakeCore {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  const subscribe: Subscribe = (event, listener) => {
    const set = listeners.get(event) ?? new Set()
    listeners.set(event, set)
    const entry = listener as (payload: unknown) => void
    set.add(entry)
    return () => set.delete(entry)
  }
  const api = new Proxy({} as ApiClient, {
    get: (_target, name) => (name === 'settings.get' ? async () => settingsWith(settings) : unused),
  })
  return {
    api,
    invoke: vi.fn<Core['invoke']>(async () => ({ ok: true, value: null })),
    subscribe,
    files: new Proxy({} as LocalFiles, { get: () => unused }),
    sitelink: {
      endpoint: new Proxy({} as PartnerEndpoint, { get: () => unused }),
      routes: () => [],
      handoff: { afterAllowedVisit: async () => null },
      keys: { publicKeyFor: () => null },
      visits: { useHandoff: () => undefined },
      rules: new Proxy({} as RuleService, { get: () => unused }),
    },
    notices: { mounts: [], intake: { ingest: unused } },
    wake: vi.fn<Core['wake']>(),
    close: vi.fn<Core['close']>(async () => undefined),
    emit: (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload)),
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
  }
}
