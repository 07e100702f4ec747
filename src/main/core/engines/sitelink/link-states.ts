/**
 * The link life cycle (seed 連携の状態 and ボタン), as pure rules both the API and the partner's state calls
 * go through: who may do what in which state, and what the record becomes.
 */
import type { LinkRole, LinkState, LinkTransitionKind } from '../../../../shared/model/sitelink'
import type { Localized } from '../../../../shared/model/localized'

export interface LinkFacts {
  readonly role: LinkRole
  readonly state: LinkState
  readonly paused: boolean
}

/** What an admin can do to an existing link from this side. */
export const localActions = ['start', 'reject', 'pause', 'resume', 'unlink', 'relink'] as const
export type LocalAction = (typeof localActions)[number]

/** What a partner's signed state call can say about the link. */
export const inboundKinds = ['start', 'reject', 'pause', 'resume', 'unlink', 'relink', 'url-change'] as const
export type InboundKind = (typeof inboundKinds)[number]

const actionNames: Readonly<Record<LinkTransitionKind, Localized>> = {
  request: { ja: 'リンク要求', en: 'link request' },
  accept: { ja: 'リンク受諾', en: 'link accept' },
  start: { ja: 'リンク開始', en: 'start link' },
  reject: { ja: 'リンク拒否', en: 'reject link' },
  pause: { ja: '一時停止', en: 'pause' },
  resume: { ja: '再開', en: 'resume' },
  'url-change': { ja: 'リンクURL変更', en: 'link URL change' },
  unlink: { ja: 'リンク解除', en: 'unlink' },
  relink: { ja: '再リンク', en: 'relink' },
}

export function transitionName(kind: LinkTransitionKind): Localized {
  return actionNames[kind]
}

const stateNames: Readonly<Record<LinkState, Localized>> = {
  pending: { ja: '開始待ち', en: 'pending' },
  linked: { ja: 'リンク中', en: 'linked' },
  unlinked: { ja: 'リンク停止', en: 'unlinked' },
  rejected: { ja: '拒否済み', en: 'rejected' },
}

function refusal(kind: LinkTransitionKind, link: LinkFacts, ja: string, en: string): Localized {
  const name = actionNames[kind]
  const state = stateNames[link.state]
  return {
    ja: `${name.ja}はできません（状態: ${state.ja}${link.paused ? '・一時停止中' : ''}）。${ja}何も変更していません。`,
    en: `Cannot ${name.en} (state: ${state.en}${link.paused ? ', paused' : ''}). ${en}Nothing was changed.`,
  }
}

/** Why this side may not do `action` now; null = allowed. */
export function localRefusal(action: LocalAction, link: LinkFacts): Localized | null {
  const { role, state, paused } = link
  switch (action) {
    case 'start':
    case 'reject':
      if (role === 'acceptor') {
        return refusal(
          action,
          link,
          '受諾した側では選べません。要求した側の管理者が開始か拒否を決めます。',
          'The accepting side cannot choose; the requesting site’s admin starts or rejects the link. ',
        )
      }
      return state === 'pending'
        ? null
        : refusal(action, link, '開始待ちのリンクだけです。', 'Only a pending link. ')
    case 'unlink':
      if (state === 'linked' || (state === 'pending' && role === 'acceptor')) return null
      return refusal(
        action,
        link,
        'リンク中のリンク（受諾した側では開始待ちも）だけです。',
        'Only a linked link (or a pending one on the accepting side). ',
      )
    case 'pause':
      if (state === 'linked' && !paused) return null
      return refusal(
        action,
        link,
        'リンク中で一時停止していないリンクだけです。',
        'Only a linked link that is not paused. ',
      )
    case 'resume':
      if (state === 'linked' && paused) return null
      return refusal(action, link, '一時停止中のリンクだけです。', 'Only a paused link. ')
    case 'relink':
      if (state === 'linked' && !paused) return null
      return refusal(
        action,
        link,
        'リンク中のリンクだけです（一時停止中は先に再開してください）。',
        'Only a linked link (resume a paused one first). ',
      )
  }
}

/** Why a partner's state call does not fit this side's record; null = apply it. */
export function inboundRefusal(kind: InboundKind, link: LinkFacts): Localized | null {
  const { role, state } = link
  switch (kind) {
    case 'start':
    case 'reject':
      if (role === 'acceptor' && state === 'pending') return null
      return refusal(
        kind,
        link,
        '受諾した側の開始待ちのリンクだけが従います。',
        'Only the accepting side’s pending link follows it. ',
      )
    case 'unlink':
      if (state === 'linked' || (state === 'pending' && role === 'requester')) return null
      return refusal(
        kind,
        link,
        'このリンクは解除できる状態ではありません。',
        'This link is not in a state that can be unlinked. ',
      )
    case 'pause':
    case 'resume':
    case 'relink':
      return state === 'linked'
        ? null
        : refusal(kind, link, 'リンク中のリンクだけです。', 'Only a linked link. ')
    case 'url-change':
      if (state === 'pending' || state === 'linked') return null
      return refusal(kind, link, '開始待ちかリンク中のリンクだけです。', 'Only a pending or linked link. ')
  }
}

/**
 * The record after an allowed transition. Pause is this side's own flag: a partner's pause or resume is
 * recorded in its リンク情報 but never pauses this side.
 */
export function afterTransition(
  kind: LocalAction | InboundKind,
  link: LinkFacts,
  side: 'local' | 'partner',
): LinkFacts {
  switch (kind) {
    case 'start':
      return { ...link, state: 'linked' }
    case 'reject':
      return { ...link, state: 'rejected' }
    case 'unlink':
      return { ...link, state: 'unlinked', paused: false }
    case 'pause':
      return side === 'local' ? { ...link, paused: true } : link
    case 'resume':
      return side === 'local' ? { ...link, paused: false } : link
    case 'relink':
    case 'url-change':
      return link
  }
}
