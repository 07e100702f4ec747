/** A room list's settings: what Renkei writes to /lists/{id}/config and how it reads them back. */
import { ConnectorError } from '../connector-error'
import { checkLine, mailmanLimits } from './mailman-limits'
import { mailmanMessages } from './mailman-messages'
import { templateNames } from './mailman-decoration'
import {
  postingByMailOff,
  type ArchivePolicy,
  type ModerationAction,
  type RoomListSettings,
  type RoomListSpec,
  type SubscriptionPolicy,
} from './mailman-types'

export type RoomListTexts = Pick<RoomListSpec, 'displayName' | 'description' | 'info' | 'subscriptionPolicy'>

export function checkTexts(texts: RoomListTexts): void {
  checkLine('表示名 / display name', texts.displayName, mailmanLimits.displayNameMaxChars)
  checkLine('説明 / description', texts.description, mailmanLimits.descriptionMaxChars)
}

/**
 * The whole PATCH for a room's list: its texts, posting by mail off, a private archive, not advertised on
 * the site's list index (a room is for its members), and no welcome or goodbye mail (Renkei sends the
 * room's notices itself; removals must stay silent).
 */
export function roomListConfig(texts: RoomListTexts): Record<string, unknown> {
  return {
    display_name: texts.displayName,
    description: texts.description,
    info: texts.info,
    archive_policy: 'private' satisfies ArchivePolicy,
    ...postingByMailOff,
    subscription_policy: texts.subscriptionPolicy ?? ('moderate' satisfies SubscriptionPolicy),
    send_welcome_message: false,
    send_goodbye_message: false,
    advertised: false,
  }
}

type Json = Record<string, unknown>

function field<T>(object: Json, key: string, type: 'string' | 'boolean' | 'number', url: string): T {
  const value = object[key]
  if (typeof value !== type)
    throw new ConnectorError('permanent', mailmanMessages.notMailman(url), `${key}: ${JSON.stringify(value)}`)
  return value as T
}

/** The decoration URIs from GET /lists/{id}/uris (no `entries` at all when none is set). */
function decorationUris(uris: Json): { headerUri: string | null; footerUri: string | null } {
  const entries = Array.isArray(uris.entries) ? (uris.entries as { name?: unknown; uri?: unknown }[]) : []
  const uriOf = (name: string) => {
    const entry = entries.find((e) => e.name === name)
    return typeof entry?.uri === 'string' ? entry.uri : null
  }
  return { headerUri: uriOf(templateNames.header), footerUri: uriOf(templateNames.footer) }
}

export function parseSettings(list: Json, config: Json, uris: Json, url: string): RoomListSettings {
  const text = (key: string) => field<string>(config, key, 'string', url)
  const flag = (key: string) => field<boolean>(config, key, 'boolean', url)
  return {
    listId: field<string>(list, 'list_id', 'string', url),
    fqdnListname: text('fqdn_listname'),
    displayName: text('display_name'),
    description: text('description'),
    info: text('info'),
    archivePolicy: text('archive_policy') as ArchivePolicy,
    defaultMemberAction: text('default_member_action') as ModerationAction,
    defaultNonmemberAction: text('default_nonmember_action') as ModerationAction,
    subscriptionPolicy: text('subscription_policy') as SubscriptionPolicy,
    sendWelcomeMessage: flag('send_welcome_message'),
    sendGoodbyeMessage: flag('send_goodbye_message'),
    advertised: flag('advertised'),
    ...decorationUris(uris),
    memberCount: field<number>(list, 'member_count', 'number', url),
  }
}
