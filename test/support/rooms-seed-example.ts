import type { RoomListLine, RoomNode } from '../../src/main/core/engines/rooms/room-tree'

// Seed 003, appendix F (3): the example of an access change, copied verbatim (leading spaces included).
export const seedBefore = `
  会議室A1※1     … 会議室所有者:ユーザA
   会議室B1※2    … 会議室所有者:ユーザB
  会議室C1※2     … 会議室所有者:ユーザC
   会議室D1※2    … 会議室所有者:ユーザD
    会議室D2※2   … 会議室所有者:ユーザD
    会議室D3※2   … 会議室所有者:ユーザD
     会議室C2※2  … 会議室所有者:ユーザC
      会議室E1※2 … 会議室所有者:ユーザE
`
export const seedUsers = ['ユーザA', 'ユーザB', 'ユーザC', 'ユーザD', 'ユーザE'] as const
export const seedAfter: Readonly<Record<(typeof seedUsers)[number], string>> = {
  ユーザA: `
  会議室A1
`,
  ユーザB: `
  会議室B1
`,
  ユーザC: `
  会議室C1
  会議室C2
`,
  ユーザD: `
  会議室D1
   会議室D2
   会議室D3
`,
  ユーザE: `
  会議室E1
`,
}

const base = 2 // the seed indents its lists by two spaces, then one per level

/**
 * The "before" listing as a room tree: one space deeper = a child of the nearest shallower line above, ※1 = made
 * with the community, and (as the seed says) all five users may read every room.
 */
export function seedTree(): RoomNode[] {
  const stack: string[] = []
  return seedBefore
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const match = /^( *)(会議室[A-Z]\d)※([12]) +… 会議室所有者:(ユーザ[A-Z])$/.exec(line)
      if (match === null) throw new Error(`unexpected seed line: ${line}`)
      const [, spaces = '', id = '', note, ownerId = ''] = match
      const depth = spaces.length - base
      stack.length = depth
      const room: RoomNode = {
        id,
        parentId: depth === 0 ? null : (stack[depth - 1] ?? null),
        ownerId,
        createdWithCommunity: note === '1',
        readers: [...seedUsers],
      }
      stack[depth] = id
      return room
    })
}

/** A room list drawn the way the seed draws it. */
export function drawList(lines: readonly RoomListLine[]): string {
  return `\n${lines.map((line) => `${' '.repeat(base + line.depth)}${line.id}\n`).join('')}`
}
