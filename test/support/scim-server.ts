/**
 * A real SCIM 2.0 service for tests and E2E: SCIMMY resource types over an in-memory store, served by
 * scimmy-routers on express at /scim/v2 with bearer-token authentication, on 127.0.0.1 and a free port.
 * Everything SCIM (filters, paging, PATCH, error bodies) is SCIMMY's own; the only addition is a fault
 * switch for answers this server cannot give by itself (429, 503).
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { createServer as createHttpServer, type Server } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import express, { type NextFunction, type Request, type Response } from 'express'
import SCIMMY from 'scimmy'
import SCIMMYRouters from 'scimmy-routers'

type ScimJson = Record<string, unknown> & { id: string }

export interface ScimRequestLog {
  readonly method: string
  /** Path below the host, query included and decoded (e.g. `/scim/v2/Users?filter=userName eq "x"`). */
  readonly path: string
  readonly status: number
  /** The parsed JSON body, for writes. */
  readonly body: unknown
}

export interface ScimFaultSpec {
  readonly status: 429 | 503
  /** How many of the next requests get this answer. */
  readonly count: number
  readonly retryAfterSeconds?: number
}

export interface RunningScimServer {
  /** e.g. http://127.0.0.1:PORT/scim/v2 */
  readonly baseUrl: string
  readonly token: string
  /** Users as the server holds them (password included, which SCIM never returns). */
  users(): ScimJson[]
  groups(): ScimJson[]
  requests(): ScimRequestLog[]
  injectFaults(spec: ScimFaultSpec): void
  stop(): Promise<void>
}

/** One store per server; SCIMMY's resource types are process-wide, so handlers find theirs via the context. */
class ScimStore {
  readonly users = new Map<string, ScimJson>()
  readonly groups = new Map<string, ScimJson>()
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T
const scimError = (status: number, scimType: string | null, detail: string): Error =>
  new SCIMMY.Types.Error(status, scimType as string, detail)

function storeOf(ctx: unknown): ScimStore {
  if (!(ctx instanceof ScimStore)) throw scimError(500, null, 'no store in the request context')
  return ctx
}

function list(
  table: Map<string, ScimJson>,
  resource: { id?: string; filter?: { match(values: unknown[]): unknown[] } },
): ScimJson | ScimJson[] {
  const all = [...table.values()].map(({ password: _password, ...rest }) => clone(rest) as ScimJson)
  if (resource.id !== undefined) {
    const found = all.find((r) => r.id === resource.id)
    if (!found) throw scimError(404, null, `Resource ${resource.id} not found`)
    return found
  }
  return resource.filter ? (resource.filter.match(all) as ScimJson[]) : all
}

/** Stores a created or replaced resource with id and meta, as a service provider assigns them. */
function save(
  table: Map<string, ScimJson>,
  id: string | undefined,
  data: Record<string, unknown>,
  type: string,
) {
  const now = new Date().toISOString()
  const existing = id === undefined ? undefined : table.get(id)
  if (id !== undefined && !existing) throw scimError(404, null, `Resource ${id} not found`)
  const { id: _ignored, meta: _meta, schemas: _schemas, ...fields } = data
  const stored: ScimJson = {
    ...fields,
    ...(existing?.password !== undefined && fields.password === undefined
      ? { password: existing.password }
      : {}),
    id: id ?? randomUUID(),
    meta: {
      resourceType: type,
      created: (existing?.meta as { created?: string })?.created ?? now,
      lastModified: now,
    },
  }
  table.set(stored.id, stored)
  const { password: _password, ...returned } = stored
  return clone(returned)
}

function checkUserNameFree(store: ScimStore, userName: unknown, id: string | undefined): void {
  const wanted = String(userName).toLowerCase()
  for (const user of store.users.values()) {
    if (user.id !== id && String(user.userName).toLowerCase() === wanted) {
      throw scimError(409, 'uniqueness', `userName ${String(userName)} is already in use`)
    }
  }
}

function checkMembers(store: ScimStore, members: unknown): void {
  for (const member of Array.isArray(members) ? (members as { value?: string }[]) : []) {
    const value = String(member.value)
    if (!store.users.has(value) && !store.groups.has(value)) {
      throw scimError(400, 'invalidValue', `member ${value} is neither a User nor a Group`)
    }
  }
}

let declared = false

/** Declares Users (with the EnterpriseUser extension) and Groups once per process; handlers use ctx's store. */
function declareResources(): void {
  if (declared) return
  declared = true
  const { User, Group } = SCIMMY.Resources
  SCIMMY.Resources.declare(User, {
    extensions: [{ schema: SCIMMY.Schemas.EnterpriseUser, required: false }],
    ingress: (resource: { id?: string }, instance: unknown, ctx: unknown) => {
      const store = storeOf(ctx)
      // The schema's JSON leaves out `password` (returned: never); the store keeps it, as a real service would.
      const { password } = instance as { password?: string }
      const data: Record<string, unknown> = {
        ...(clone(instance) as Record<string, unknown>),
        ...(password === undefined ? {} : { password }),
      }
      checkUserNameFree(store, data.userName, resource.id)
      return save(store.users, resource.id, data, 'User')
    },
    egress: (resource: never, ctx: unknown) => list(storeOf(ctx).users, resource),
    degress: (resource: { id: string }, ctx: unknown) => {
      const store = storeOf(ctx)
      if (!store.users.delete(resource.id)) throw scimError(404, null, `Resource ${resource.id} not found`)
      for (const group of store.groups.values()) {
        const members = (group.members ?? []) as { value: string }[]
        group.members = members.filter((m) => m.value !== resource.id)
      }
    },
  })
  SCIMMY.Resources.declare(Group, {
    ingress: (resource: { id?: string }, instance: unknown, ctx: unknown) => {
      const store = storeOf(ctx)
      const data = clone(instance) as Record<string, unknown>
      checkMembers(store, data.members)
      return save(store.groups, resource.id, data, 'Group')
    },
    egress: (resource: never, ctx: unknown) => list(storeOf(ctx).groups, resource),
    degress: (resource: { id: string }, ctx: unknown) => {
      if (!storeOf(ctx).groups.delete(resource.id))
        throw scimError(404, null, `Resource ${resource.id} not found`)
    },
  })
}

/**
 * Express 5 re-parses req.query on every read, so scimmy-routers' cast of startIndex/count to numbers is
 * lost and SCIMMY ignores paging (scimmyjs/scimmy-routers#36). Pinning the parsed query restores it.
 */
function pinQuery(req: Request, _res: Response, next: NextFunction): void {
  Object.defineProperty(req, 'query', { value: { ...req.query }, writable: true, configurable: true })
  next()
}

export interface ScimServerOptions {
  readonly token?: string
  /** Serve HTTPS with this key and certificate (PEM) instead of plain HTTP. */
  readonly tls?: { readonly key: string; readonly cert: string }
  /** SCIMMY offers Bulk (RFC 7644 §3.7) by default; false turns it off (process-wide, as SCIMMY's config is). */
  readonly bulk?: boolean
}

export async function startScimServer(options: ScimServerOptions = {}): Promise<RunningScimServer> {
  declareResources()
  const token = options.token ?? randomBytes(24).toString('hex')
  const store = new ScimStore()
  const log: ScimRequestLog[] = []
  let fault: { spec: ScimFaultSpec; left: number } | null = null

  const app = express()
  app.use((req, res, next) => {
    res.on('finish', () => {
      const path = decodeURIComponent(req.originalUrl)
      log.push({ method: req.method, path, status: res.statusCode, body: (req.body as unknown) ?? null })
    })
    next()
  })
  // Injected faults: only for answers (rate limiting, outage) this server never gives by itself.
  app.use((_req, res, next) => {
    if (!fault || fault.left <= 0) return next()
    fault.left -= 1
    if (fault.spec.retryAfterSeconds !== undefined)
      res.setHeader('Retry-After', String(fault.spec.retryAfterSeconds))
    res.status(fault.spec.status).type('application/scim+json')
    res.send(
      JSON.stringify({
        schemas: [SCIMMY.Messages.Error.id],
        status: String(fault.spec.status),
        detail: 'fault',
      }),
    )
  })
  app.use(pinQuery)
  app.use(
    '/scim/v2',
    new SCIMMYRouters({
      type: 'bearer',
      // Like some real services, the refusal quotes the credential it got: tests prove clients redact it.
      handler: (req) => {
        const presented = req.header('Authorization') ?? ''
        if (presented !== `Bearer ${token}`) throw new Error(`credential refused: ${presented || '(none)'}`)
        return 'renkei'
      },
      context: () => store,
    }),
  )

  if (options.bulk === false) SCIMMY.Config.set({ bulk: { supported: false } })
  const server: Server = options.tls ? createHttpsServer(options.tls, app) : createHttpServer(app)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    baseUrl: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}/scim/v2`,
    token,
    users: () => [...store.users.values()].map(clone),
    groups: () => [...store.groups.values()].map(clone),
    requests: () => [...log],
    injectFaults: (spec) => {
      fault = { spec, left: spec.count }
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
        server.closeAllConnections()
      }),
  }
}
