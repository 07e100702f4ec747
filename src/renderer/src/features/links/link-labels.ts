import type {
  LinkDataKind,
  LinkState,
  LinkSummary,
  LinkTransitionKind,
  SiteProfile,
} from '../../../../shared/model/sitelink'
import type { MessageKey } from '../../i18n'

export const stateLabel: Readonly<Record<LinkState, MessageKey>> = {
  pending: 'links.state.pending',
  linked: 'links.state.linked',
  unlinked: 'links.state.unlinked',
  rejected: 'links.state.rejected',
}

export const kindLabel: Readonly<Record<LinkDataKind, MessageKey>> = {
  company: 'links.kind.company',
  employee: 'links.kind.employee',
  department: 'links.kind.department',
  position: 'links.kind.position',
  schedule: 'links.kind.schedule',
  presence: 'links.kind.presence',
  rules: 'links.kind.rules',
}

export const transitionLabel: Readonly<Record<LinkTransitionKind, MessageKey>> = {
  request: 'links.transition.request',
  accept: 'links.transition.accept',
  start: 'links.transition.start',
  reject: 'links.transition.reject',
  pause: 'links.transition.pause',
  resume: 'links.transition.resume',
  'url-change': 'links.transition.url-change',
  unlink: 'links.transition.unlink',
  relink: 'links.transition.relink',
}

/** Seed: users see the site name when one is set, else the company name. */
export function siteDisplayName(site: Pick<SiteProfile, 'companyName' | 'siteName'>): string {
  return site.siteName ?? site.companyName
}

/** 一時停止 is a flag on a linked link, shown in place of リンク中 (seed: the state column). */
export function stateKey(link: Pick<LinkSummary, 'state' | 'paused'>): MessageKey {
  return link.state === 'linked' && link.paused ? 'links.state.paused' : stateLabel[link.state]
}
