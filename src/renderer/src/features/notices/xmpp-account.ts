/** An XMPP account as a chat target or a chat source names it (the password is a keychain secret). */
export interface XmppAccount {
  readonly service: string
  readonly domain: string
  readonly username: string
}

export const newXmppAccount: XmppAccount = {
  service: 'xmpp://chat.example.co.jp:5222',
  domain: '',
  username: '',
}
