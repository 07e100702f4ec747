import { ApiError } from '../../../../shared/model/errors'
import type { Localized } from '../../../../shared/model/localized'
import type {
  CommunitySource,
  RoomEventInput,
  RoomEventResult,
  RoomSettings,
} from '../../../../shared/model/rooms'
import { resolveMembers, type RoomPeople } from './core-people'
import type { RoomStore } from './core-store'
import type { RoomContext } from './room-context'

interface Effect {
  readonly outcome: Localized
  readonly found: readonly string[]
  readonly unknown: readonly string[]
  readonly changed: boolean
}

const kindLabels: Readonly<Record<RoomEventInput['kind'], Localized>> = {
  'community.created': { ja: 'コミュニティの作成', en: 'community created' },
  'community.deleted': { ja: 'コミュニティの削除', en: 'community deleted' },
  'member.added': { ja: 'メンバ追加', en: 'members added' },
  'member.changed': { ja: 'メンバ変更', en: 'members changed' },
  'member.removed': { ja: 'メンバ削除', en: 'members removed' },
}

/**
 * Takes in one community event (F-1's five operations) in one transaction: room_events' UNIQUE(source,
 * event_id) makes a replay answer accepted:false and change nothing. Members and the creator are found by key,
 * login or e-mail among active employees; the others are reported in `unknown` and not counted (table F-3).
 * Only room_communities changes here; the planner turns that into rooms.
 */
export function createIntake(
  ctx: RoomContext,
  store: RoomStore,
  people: () => RoomPeople,
  settings: () => RoomSettings,
) {
  const seen = ctx.db.prepare(
    'SELECT id, unknown, outcome FROM room_events WHERE source = ? AND event_id = ?',
  )
  const insert = ctx.db.prepare(
    `INSERT INTO room_events (source, event_id, kind, received_at, payload, members_found, unknown, outcome)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  return (
    source: string,
    event: RoomEventInput,
    from: CommunitySource = 'inbound',
  ): RoomEventResult & { readonly changed: boolean } =>
    ctx.db
      .transaction(() => {
        const before = seen.get(source, event.id) as
          { id: number; unknown: string; outcome: string } | undefined
        if (before !== undefined) {
          return {
            accepted: false,
            eventRow: before.id,
            unknown: JSON.parse(before.unknown) as string[],
            outcome: JSON.parse(before.outcome) as Localized,
            changed: false,
          }
        }
        const effect = apply(event, from)
        const row = insert.run(
          source,
          event.id,
          event.kind,
          ctx.now(),
          JSON.stringify(event),
          JSON.stringify(effect.found),
          JSON.stringify(effect.unknown),
          JSON.stringify(effect.outcome),
        )
        const label = kindLabels[event.kind]
        ctx.history.append({
          direction: 'receive',
          category: 'rooms',
          level: effect.unknown.length > 0 ? 'warning' : 'info',
          message: `${label.ja} ${event.community.code}(${source} ${event.id}): ${effect.outcome.ja}`,
          messageEn: `${label.en} ${event.community.code} (${source} ${event.id}): ${effect.outcome.en}`,
          detail: { source, eventId: event.id, unknown: effect.unknown },
        })
        return {
          accepted: true,
          eventRow: Number(row.lastInsertRowid),
          unknown: effect.unknown,
          outcome: effect.outcome,
          changed: effect.changed,
        }
      })
      .immediate()

  function apply(event: RoomEventInput, from: CommunitySource): Effect {
    const { code } = event.community
    const now = ctx.now()
    const current = store.community(code)
    const { keys, unknown } = resolveMembers(people(), event.members)
    const unchanged = (outcome: Localized): Effect => ({ outcome, found: keys, unknown, changed: false })
    if (event.kind === 'member.changed') {
      return unchanged({
        ja: 'メンバ変更では何もしません(表F-1)',
        en: 'nothing to do for a member change (table F-1)',
      })
    }
    if (event.kind === 'community.created') {
      if (current !== null) {
        return unchanged(
          current.deletedAt === null
            ? { ja: `コミュニティ ${code} はすでにあります`, en: `the community ${code} exists already` }
            : {
                ja: `コミュニティ ${code} は削除済みです。同じコードは再利用しません`,
                en: `the community ${code} was deleted; its code is not reused`,
              },
        )
      }
      const creator = creatorKeyOf(event, unknown)
      store.insertCommunity(
        {
          code,
          source: from,
          name: event.community.name ?? '',
          nameEn: event.community.nameEn ?? null,
          creatorKey: creator,
          members: keys,
        },
        now,
      )
      return {
        outcome: {
          ja: `作成しました(メンバ ${keys.length} 人)`,
          en: `created with ${keys.length} member(s)`,
        },
        found: keys,
        unknown,
        changed: true,
      }
    }
    if (current === null || current.deletedAt !== null) {
      return unchanged({
        ja: `コミュニティ ${code} はないため何も変更していません`,
        en: `no community ${code}; nothing was changed`,
      })
    }
    if (event.kind === 'community.deleted') {
      store.markDeleted(code, now)
      return { outcome: { ja: '削除しました', en: 'deleted' }, found: keys, unknown, changed: true }
    }
    const members =
      event.kind === 'member.added'
        ? [...current.members, ...keys.filter((k) => !current.members.includes(k))]
        : current.members.filter((k) => !keys.includes(k) && !event.members.includes(k))
    const delta = Math.abs(members.length - current.members.length)
    if (delta === 0) return unchanged({ ja: 'メンバは変わりません', en: 'the members stay the same' })
    store.updateCommunity(code, { members }, now)
    return {
      outcome:
        event.kind === 'member.added'
          ? { ja: `${delta} 人を追加しました`, en: `${delta} member(s) added` }
          : { ja: `${delta} 人を削除しました`, en: `${delta} member(s) removed` },
      found: keys,
      unknown,
      changed: true,
    }
  }

  /** The creator as sent, else the owner the settings name for the code, else the default owner. */
  function creatorKeyOf(event: RoomEventInput, unknown: string[]): string {
    const { code, name, creator } = event.community
    const problems: Localized[] = []
    if (name === undefined)
      problems.push({ ja: 'コミュニティ名がありません', en: 'the community name is missing' })
    const sent = creator === undefined ? null : people().find(creator)
    if (creator !== undefined && sent === null) unknown.push(creator)
    const { owners, defaultOwner } = settings().communities
    const fallback = people().find(owners[code] ?? defaultOwner)
    const key = sent?.key ?? fallback?.key ?? null
    if (key === null) {
      problems.push({
        ja: 'コミュニティ作成者がディレクトリにいません(設定の owners / defaultOwner も見つかりません)',
        en: 'the community creator is not in the directory (nor is an owner named in the settings)',
      })
    }
    if (problems.length > 0 || key === null) {
      throw new ApiError('invalid-input', {
        ja: `コミュニティ ${code} を作成できません。何も変更していません(${problems.map((p) => p.ja).join('; ')})`,
        en: `Cannot create the community ${code}; nothing was changed (${problems.map((p) => p.en).join('; ')})`,
      })
    }
    return key
  }
}

export type RoomIntake = ReturnType<typeof createIntake>
