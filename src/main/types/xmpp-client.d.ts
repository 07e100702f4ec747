/**
 * @xmpp/client 0.14 ships no type declarations: only what connectors/xmpp uses. It is ESM-only, so the
 * connector loads it with a dynamic import() (the CommonJS main bundle cannot require() it).
 */
declare module '@xmpp/client' {
  import type { EventEmitter } from 'node:events'

  export interface XmppElement {
    readonly name: string
    readonly attrs: Readonly<Record<string, string | undefined>>
    is(name: string, xmlns?: string): boolean
    getChild(name: string, xmlns?: string): XmppElement | undefined
    getChildText(name: string, xmlns?: string): string | null
  }

  export interface XmppClient extends EventEmitter {
    on(event: 'stanza', listener: (stanza: XmppElement) => void): this
    on(event: string, listener: (...args: unknown[]) => void): this
    readonly status: string
    readonly reconnect: { stop(): void }
    isSecure(): boolean
    start(): Promise<unknown>
    stop(): Promise<unknown>
    send(element: XmppElement): Promise<void>
  }

  export type Authenticate = (
    credentials: { readonly username: string; readonly password: string },
    mechanism: string,
  ) => Promise<void>

  export interface ClientOptions {
    readonly service: string
    readonly domain: string
    readonly resource?: string
    readonly credentials?: (
      authenticate: Authenticate,
      mechanisms: readonly string[],
      fast: unknown,
      entity: XmppClient,
    ) => Promise<void>
  }

  export function client(options: ClientOptions): XmppClient
  export function xml(
    name: string,
    attrs?: Record<string, string>,
    ...children: (XmppElement | string)[]
  ): XmppElement
}
