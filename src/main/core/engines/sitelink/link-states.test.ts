import { describe, expect, it } from 'vitest'
import { linkRoles, linkStates } from '../../../../shared/model/sitelink'
import {
  afterTransition,
  inboundKinds,
  inboundRefusal,
  localActions,
  localRefusal,
  type InboundKind,
  type LinkFacts,
  type LocalAction,
} from './link-states'

const every: LinkFacts[] = linkStates.flatMap((state) =>
  linkRoles.flatMap((role) => [false, true].map((paused) => ({ role, state, paused }))),
)
const label = (link: LinkFacts): string => `${link.role}/${link.state}${link.paused ? '/paused' : ''}`

/** The seed's ボタン table, written out: which (role, state, paused) may do what. */
function allowedLocally(action: LocalAction, { role, state, paused }: LinkFacts): boolean {
  const linked = state === 'linked'
  switch (action) {
    case 'start':
    case 'reject':
      return role === 'requester' && state === 'pending'
    case 'unlink':
      return linked || (state === 'pending' && role === 'acceptor')
    case 'pause':
    case 'relink':
      return linked && !paused
    case 'resume':
      return linked && paused
  }
}

function allowedInbound(kind: InboundKind, { role, state }: LinkFacts): boolean {
  switch (kind) {
    case 'start':
    case 'reject':
      return role === 'acceptor' && state === 'pending'
    case 'unlink':
      return state === 'linked' || (state === 'pending' && role === 'requester')
    case 'pause':
    case 'resume':
    case 'relink':
      return state === 'linked'
    case 'url-change':
      return state === 'pending' || state === 'linked'
  }
}

describe('link states', () => {
  for (const action of localActions) {
    for (const link of every) {
      const allowed = allowedLocally(action, link)
      it(`${action} on ${label(link)}: ${allowed ? 'allowed' : 'refused'}`, () => {
        const refusal = localRefusal(action, link)
        if (allowed) expect(refusal).toBeNull()
        else {
          expect(refusal?.ja).toContain('何も変更していません')
          expect(refusal?.en).toContain('Nothing was changed')
        }
      })
    }
  }

  for (const kind of inboundKinds) {
    for (const link of every) {
      const allowed = allowedInbound(kind, link)
      it(`partner's ${kind} on ${label(link)}: ${allowed ? 'applied' : 'refused'}`, () => {
        expect(inboundRefusal(kind, link) === null).toBe(allowed)
      })
    }
  }

  it('tells the accepting side that the requester decides start and reject', () => {
    const refusal = localRefusal('start', { role: 'acceptor', state: 'pending', paused: false })
    expect(refusal?.ja).toContain('要求した側の管理者')
    expect(refusal?.en).toContain('requesting site')
  })

  it('moves the record as the seed says; a partner pause never pauses this side', () => {
    const pending: LinkFacts = { role: 'acceptor', state: 'pending', paused: false }
    const linked: LinkFacts = { role: 'requester', state: 'linked', paused: false }
    expect(afterTransition('start', pending, 'partner').state).toBe('linked')
    expect(afterTransition('reject', pending, 'partner').state).toBe('rejected')
    expect(afterTransition('unlink', { ...linked, paused: true }, 'local')).toEqual({
      ...linked,
      state: 'unlinked',
      paused: false,
    })
    expect(afterTransition('pause', linked, 'local').paused).toBe(true)
    expect(afterTransition('pause', linked, 'partner').paused).toBe(false)
    expect(afterTransition('resume', { ...linked, paused: true }, 'local').paused).toBe(false)
    expect(afterTransition('relink', linked, 'local')).toEqual(linked)
    expect(afterTransition('url-change', linked, 'partner')).toEqual(linked)
  })
})
