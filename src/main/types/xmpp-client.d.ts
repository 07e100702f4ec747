/**
 * @xmpp/client 0.14 ships no type declarations: only what the notice relay uses (an account that signs in,
 * sends and receives chat messages).
 */
declare module '@xmpp/client' {
  export interface XmppElement {
    readonly name: string
    readonly attrs: Readonly<Record<string, string | undefined>>
    is(name: string, xmlns?: string): boolean
    getChild(name: string, xmlns?: string): XmppElement | undefined
    getChildText(name: string, xmlns?: string): string | null
  }

  export interface XmppJid {
    readonly local: string
    readonly domain: string
    bare(): XmppJid
    toString(): string
  }

  export interface XmppEntity {
    isSecure(): boolean
  }

  export type XmppAuthenticate = (
    credentials: { readonly username: string; readonly password: string },
    mechanism: string,
  ) => Promise<void>

  export interface XmppClientOptions {
    readonly service: string
    readonly domain: string
    readonly resource?: string
    readonly credentials: (
      authenticate: XmppAuthenticate,
      mechanisms: readonly string[],
      fast: unknown,
      entity: XmppEntity,
    ) => Promise<void>
  }

  export interface XmppClient extends XmppEntity {
    readonly status: string
    readonly reconnect: { stop(): void }
    socketParameters(service: string): Record<string, unknown> | undefined
    on(event: 'stanza', listener: (stanza: XmppElement) => void): this
    on(event: 'online', listener: (address: XmppJid) => void): this
    on(event: 'offline' | 'disconnect', listener: () => void): this
    on(event: 'error', listener: (error: Error) => void): this
    removeAllListeners(): this
    start(): Promise<XmppJid>
    stop(): Promise<void>
    send(element: XmppElement): Promise<void>
  }

  export function client(options: XmppClientOptions): XmppClient
  export function xml(
    name: string,
    attrs?: Readonly<Record<string, string>> | null,
    ...children: readonly (XmppElement | string)[]
  ): XmppElement
  export function jid(address: string): XmppJid
}
