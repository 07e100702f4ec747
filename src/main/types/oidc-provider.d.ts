/**
 * oidc-provider ships no type declarations (and there is no @types package for version 9): only what the
 * OIDC provider mode (core/engines/sitelink/oidc) and test/support/oidc-server.ts use.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http'

  export interface AdapterPayload {
    readonly [key: string]: unknown
    readonly uid?: string
    readonly userCode?: string
    readonly grantId?: string
    consumed?: number
  }

  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void>
    find(id: string): Promise<AdapterPayload | undefined>
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>
    findByUid(uid: string): Promise<AdapterPayload | undefined>
    consume(id: string): Promise<void>
    destroy(id: string): Promise<void>
    revokeByGrantId(grantId: string): Promise<void>
  }

  export interface InteractionDetails {
    readonly uid: string
    readonly prompt: { readonly name: string; readonly reasons: readonly string[] }
    readonly params: Readonly<Record<string, unknown>>
  }

  export interface Grant {
    addOIDCScope(scope: string): void
    save(): Promise<string>
  }

  /** The parts of oidc-provider's request context the configuration callbacks read. */
  export interface ProviderContext {
    readonly oidc: {
      readonly client: { readonly clientId: string }
      readonly session: { readonly accountId?: string; grantIdFor(clientId: string): string | undefined }
      readonly result?: { readonly login?: unknown; readonly consent?: { readonly grantId?: string } }
      readonly params: Readonly<Record<string, unknown>>
    }
    type: string
    body: unknown
    status: number
  }

  export class Check {
    constructor(reason: string, description: string, check: (ctx: ProviderContext) => boolean)
    static readonly REQUEST_PROMPT: true
    static readonly NO_NEED_TO_PROMPT: false
  }

  export interface InteractionPolicy {
    get(name: string): { readonly checks: { add(check: Check, index?: number): void } } | undefined
  }

  export const interactionPolicy: {
    Check: typeof Check
    base(): InteractionPolicy
  }

  export class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>)
    readonly issuer: string
    readonly Grant: new (properties: { accountId: string; clientId: string }) => Grant
    callback(): (req: IncomingMessage, res: ServerResponse) => void
    on(event: string, listener: (...args: unknown[]) => void): this
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: Record<string, unknown>,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>
  }

  export const errors: {
    InvalidRequest: new (description: string) => Error
  }

  export default Provider
}
