/**
 * A chat message (Slack-compatible outgoing webhook, XMPP) as a `chat.message` event for the groupware: who
 * it is for are the people it @mentions; a message that mentions nobody goes to the fallback (the channel
 * name as given, or the XMPP sender), which the intake reports as unknown when it matches nobody.
 */
import { createHash } from 'node:crypto'
import type { NoticeEventInput } from '../../../../shared/model/notices'

export interface ChatMessage {
  /** The chat server's own message id (post id, stanza id); null: none given. */
  readonly id: string | null
  readonly actor: string
  readonly text: string
  readonly where: string | null
  /** When it was written, milliseconds since the epoch. */
  readonly at: number
  /** Who gets a message that mentions nobody. */
  readonly fallbackAddressee: string
}

/** Mentions that address a whole room, not a person. */
const roomMentions = new Set(['here', 'channel', 'all', 'everyone'])
const maxIdLength = 200
const maxFieldLength = 10_000
const maxAddresseeLength = 320

/** `@login` mentions in order, once each; `a@b.example` (an e-mail address) is no mention. */
export function mentionsIn(text: string): string[] {
  const found = new Set<string>()
  for (const match of text.matchAll(/(?<![\w@.+-])@([A-Za-z0-9][A-Za-z0-9._-]*)/g)) {
    const login = match[1]!.replace(/[.]+$/, '')
    if (!roomMentions.has(login.toLowerCase())) found.add(login)
  }
  return [...found].slice(0, 5_000)
}

function hashed(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** "2026/12/03 09:05" in this machine's time zone, as the seed's notices print 日時. */
export function localTime(at: number): string {
  const d = new Date(at)
  const two = (n: number): string => String(n).padStart(2, '0')
  return `${d.getFullYear()}/${two(d.getMonth() + 1)}/${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`
}

export function chatEvent(message: ChatMessage): NoticeEventInput {
  const given = message.id?.trim() ?? ''
  // Without an id of the server's own, the same message posted twice still makes one event.
  const id =
    given === ''
      ? hashed(`${message.actor}\n${message.where ?? ''}\n${message.at}\n${message.text}`)
      : given.length > maxIdLength
        ? hashed(given)
        : given
  const mentioned = mentionsIn(message.text)
  return {
    id,
    kind: 'chat.message',
    occurredAt: message.at,
    addressees: (mentioned.length > 0 ? mentioned : [message.fallbackAddressee]).map((a) =>
      a.slice(0, maxAddresseeLength),
    ),
    fields: {
      actor: message.actor.slice(0, maxFieldLength),
      body: message.text.slice(0, maxFieldLength),
      when: localTime(message.at),
      ...(message.where ? { where: message.where.slice(0, maxFieldLength) } : {}),
    },
  }
}
