import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../../shared/model/errors'
import {
  drawList,
  seedAfter,
  seedBefore,
  seedTree,
  seedUsers,
} from '../../../../../test/support/rooms-seed-example'
import { planCommunityDeletion } from './room-access'
import { roomListFor, type RoomNode } from './room-tree'

describe("seed F (3): the community's rooms after the community is deleted", () => {
  it('reads the seed example as the tree it draws (every user sees all eight rooms before)', () => {
    const drawnBefore = seedBefore.replace(/※\d +… 会議室所有者:ユーザ[A-Z]/g, '')
    for (const user of seedUsers) expect(drawList(roomListFor(user, seedTree()))).toBe(drawnBefore)
  })

  it.each(seedUsers)('shows %s exactly the list the seed shows after the change', (user) => {
    const { rooms } = planCommunityDeletion(seedTree())
    expect(drawList(roomListFor(user, rooms))).toBe(seedAfter[user])
  })

  it('leaves each room to its owner alone and keeps a room under its parent only when both have one owner', () => {
    const { rooms } = planCommunityDeletion(seedTree())
    expect(rooms.map((room) => [room.id, room.parentId, room.readers])).toEqual([
      ['会議室A1', null, ['ユーザA']],
      ['会議室B1', null, ['ユーザB']],
      ['会議室C1', null, ['ユーザC']],
      ['会議室D1', null, ['ユーザD']],
      ['会議室D2', '会議室D1', ['ユーザD']],
      ['会議室D3', '会議室D1', ['ユーザD']],
      ['会議室C2', null, ['ユーザC']],
      ['会議室E1', null, ['ユーザE']],
    ])
    const c2 = rooms.find((room) => room.id === '会議室C2')
    expect(c2?.placement.en).toBe(
      'moved to the top level: its parent 会議室D3 belongs to ユーザD, not ユーザC',
    )
    expect(rooms[0]?.placement.ja).toBe('もともと最上位の会議室(コミュニティ作成時に自動生成された会議室)')
  })

  it('lists everyone who lost access for removal of mail subscriptions and read state (F (5))', () => {
    const { removals } = planCommunityDeletion(seedTree())
    const all = [
      '会議室A1',
      '会議室B1',
      '会議室C1',
      '会議室D1',
      '会議室D2',
      '会議室D3',
      '会議室C2',
      '会議室E1',
    ]
    const notOwnedBy = (owned: string[]) => all.filter((id) => !owned.includes(id))
    expect(removals).toEqual([
      { userId: 'ユーザA', roomIds: notOwnedBy(['会議室A1']), kinds: ['mail-subscriptions', 'read-state'] },
      { userId: 'ユーザB', roomIds: notOwnedBy(['会議室B1']), kinds: ['mail-subscriptions', 'read-state'] },
      {
        userId: 'ユーザC',
        roomIds: notOwnedBy(['会議室C1', '会議室C2']),
        kinds: ['mail-subscriptions', 'read-state'],
      },
      {
        userId: 'ユーザD',
        roomIds: notOwnedBy(['会議室D1', '会議室D2', '会議室D3']),
        kinds: ['mail-subscriptions', 'read-state'],
      },
      { userId: 'ユーザE', roomIds: notOwnedBy(['会議室E1']), kinds: ['mail-subscriptions', 'read-state'] },
    ])
  })

  it('keeps a whole same-owner chain, and removes nothing for a room only its owner read', () => {
    const room = (id: string, parentId: string | null, ownerId: string, readers: string[]): RoomNode => ({
      id,
      parentId,
      ownerId,
      createdWithCommunity: false,
      readers,
    })
    const { rooms, removals } = planCommunityDeletion([
      room('r1', null, 'u1', ['u1', 'u2']),
      room('r2', 'r1', 'u1', ['u1']),
      room('r3', 'r2', 'u1', ['u1', 'u2', 'u2']),
      room('r4', 'r3', 'u2', ['u2']),
    ])
    expect(drawList(roomListFor('u1', rooms))).toBe('\n  r1\n   r2\n    r3\n')
    expect(drawList(roomListFor('u2', rooms))).toBe('\n  r4\n')
    expect(removals).toEqual([
      { userId: 'u2', roomIds: ['r1', 'r3'], kinds: ['mail-subscriptions', 'read-state'] },
    ])
  })
})

describe('a tree that cannot be whole changes nothing', () => {
  const problemsOf = (rooms: RoomNode[]): string[] => {
    try {
      planCommunityDeletion(rooms)
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      expect(error.code).toBe('invalid-input')
      return (error.detail as { problems: { en: string }[] }).problems.map((p) => p.en)
    }
    throw new Error('expected the plan to be refused')
  }
  const base = { createdWithCommunity: false, readers: ['u1'] }

  it('refuses a parent missing from the listing (a partial read), a cycle, a duplicate and a missing owner', () => {
    const problems = problemsOf([
      { ...base, id: 'r1', parentId: 'gone', ownerId: 'u1' },
      { ...base, id: 'r2', parentId: 'r3', ownerId: 'u1' },
      { ...base, id: 'r3', parentId: 'r2', ownerId: ' ' },
      { ...base, id: 'r4', parentId: null, ownerId: 'u1' },
      { ...base, id: 'r4', parentId: null, ownerId: 'u1' },
    ])
    expect(problems).toEqual([
      'room r3 has no owner',
      'room r4 is listed twice',
      'the parent gone of room r1 is not in the listing (the read was incomplete)',
      'room r2 is its own ancestor',
      'room r3 is its own ancestor',
    ])
  })

  it('accepts an empty community (no rooms left) with nothing to do', () => {
    expect(planCommunityDeletion([])).toEqual({ rooms: [], removals: [] })
  })
})

describe('room lists', () => {
  it('shows a room whose parent the person cannot read at the top level', () => {
    const rooms = [
      { id: 'p', parentId: null, readers: ['owner'] },
      { id: 'c', parentId: 'p', readers: ['owner', 'guest'] },
    ]
    expect(roomListFor('guest', rooms)).toEqual([{ id: 'c', depth: 0 }])
    expect(roomListFor('owner', rooms)).toEqual([
      { id: 'p', depth: 0 },
      { id: 'c', depth: 1 },
    ])
  })
})
