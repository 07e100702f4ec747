/**
 * SCIM Bulk (RFC 7644 §3.7) for the users of a first run: many POSTs in one request, used only when the
 * service's ServiceProviderConfig says it supports Bulk, within its maxOperations and maxPayloadSize.
 */
import { ConnectorError } from '../connector-error'
import { scimDetail } from './scim-http-client'
import { scimMessages } from './scim-messages'

export interface BulkLimits {
  readonly maxOperations: number
  readonly maxPayloadSize: number
}

/** Fewer operations than a server may allow: one failed request then costs at most this many retries. */
const operationsCap = 100
const bulkRequestSchema = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest'

/** What the ServiceProviderConfig allows; null without Bulk (or with room for one operation only). */
export function bulkLimits(serviceProviderConfig: unknown): BulkLimits | null {
  const bulk = (serviceProviderConfig as { bulk?: Record<string, unknown> } | null)?.bulk
  if (bulk?.supported !== true) return null
  const maxOperations = typeof bulk.maxOperations === 'number' ? bulk.maxOperations : 0
  const maxPayloadSize = typeof bulk.maxPayloadSize === 'number' ? bulk.maxPayloadSize : 1_048_576
  if (maxOperations < 2 || maxPayloadSize < 1024) return null
  return { maxOperations: Math.min(maxOperations, operationsCap), maxPayloadSize }
}

/** Splits the bodies into requests within the limits (a tenth of the payload size kept for the envelope). */
export function bulkChunks<T>(items: readonly T[], body: (item: T) => unknown, limits: BulkLimits): T[][] {
  const chunks: T[][] = []
  let chunk: T[] = []
  let bytes = 0
  for (const item of items) {
    const size = Buffer.byteLength(JSON.stringify(body(item))) + 100
    if (
      chunk.length > 0 &&
      (chunk.length >= limits.maxOperations || bytes + size > limits.maxPayloadSize * 0.9)
    ) {
      chunks.push(chunk)
      chunk = []
      bytes = 0
    }
    chunk.push(item)
    bytes += size
  }
  if (chunk.length > 0) chunks.push(chunk)
  return chunks
}

export function bulkRequest(bodies: readonly unknown[]): Record<string, unknown> {
  return {
    schemas: [bulkRequestSchema],
    Operations: bodies.map((data, i) => ({ method: 'POST', path: '/Users', bulkId: `u${i}`, data })),
  }
}

/** Per operation, in request order: the new id, 'conflict' (409: someone holds the login), or the error. */
export type BulkResult = string | 'conflict' | ConnectorError

type BulkOperation = { bulkId?: unknown; status?: unknown; location?: unknown; response?: unknown }

function resultOf(op: BulkOperation | undefined, answer: string): BulkResult {
  const status = Number(op?.status ?? 0)
  if (status === 409) return 'conflict'
  if (status >= 200 && status < 300) {
    const fromResponse = (op?.response as { id?: unknown } | undefined)?.id
    const id =
      typeof fromResponse === 'string'
        ? fromResponse
        : String(op?.location ?? '')
            .split('/')
            .pop()
    if (id) return decodeURIComponent(id)
  }
  const detail = op ? scimDetail(op.response, '', status) : 'no result for this operation'
  return new ConnectorError('permanent', scimMessages.rejected(status, detail), answer)
}

export function bulkResults(body: unknown, count: number, answer: string): BulkResult[] {
  const operations = (body as { Operations?: unknown } | null)?.Operations
  const byId = new Map<string, BulkOperation>()
  for (const op of Array.isArray(operations) ? (operations as BulkOperation[]) : [])
    if (typeof op?.bulkId === 'string') byId.set(op.bulkId, op)
  return Array.from({ length: count }, (_, i) => resultOf(byId.get(`u${i}`), answer))
}
