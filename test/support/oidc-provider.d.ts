/**
 * oidc-provider ships no type declarations (and there is no @types package for version 9): only what
 * test/support/oidc-server.ts uses.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http'

  export class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>)
    callback(): (req: IncomingMessage, res: ServerResponse) => void
    on(event: string, listener: (...args: unknown[]) => void): this
  }

  export const errors: {
    InvalidRequest: new (description: string) => Error
  }

  export default Provider
}
