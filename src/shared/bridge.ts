/**
 * What crosses a transport. Every method answers with an ApiResult (never a thrown error) because
 * Electron's IPC and contextBridge drop error classes and fields; callers unwrap with `createApiClient`.
 */
import type { ApiClient, MethodInput, MethodName, MethodOutput, Subscribe } from './api'
import { methodNames } from './api'
import type { ApiResult } from './model/errors'
import { ApiError } from './model/errors'

export type RawApi = {
  readonly [K in MethodName]: (input: MethodInput<K>) => Promise<ApiResult<MethodOutput<K>>>
}

/** Exposed by the preload as `window.renkei` in the Electron app. */
export interface RenkeiBridge {
  readonly api: RawApi
  readonly subscribe: Subscribe
}

/** The daemon's HTTP/WebSocket routes (all on 127.0.0.1, all but static files need the access token). */
export const daemonRoutes = {
  /** POST `${call}/${method}` with the JSON input; answers 200 with an ApiResult. */
  call: '/api/call',
  /** WebSocket; the token travels as `?token=` because browsers cannot set headers on it. Messages: BridgeEvent. */
  events: '/api/events',
} as const

export interface BridgeEvent {
  readonly event: string
  readonly payload: unknown
}

/** Builds one raw function per contract method from a single generic sender. */
export function createRawApi(
  send: (method: MethodName, input: unknown) => Promise<ApiResult<unknown>>,
): RawApi {
  return Object.fromEntries(
    methodNames.map((name) => [name, (input: unknown) => send(name, input)]),
  ) as RawApi
}

/** Turns ApiResults back into values and ApiErrors, so UI code just awaits. */
export function createApiClient(raw: RawApi): ApiClient {
  return Object.fromEntries(
    methodNames.map((name) => [
      name,
      async (input: unknown) => {
        const result = await (raw[name] as (i: unknown) => Promise<ApiResult<unknown>>)(input)
        if (result.ok) return result.value
        throw ApiError.fromShape(result.error)
      },
    ]),
  ) as unknown as ApiClient
}
