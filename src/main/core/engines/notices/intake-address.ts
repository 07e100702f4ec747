import type { NoticeKind, NoticeTargetConfig } from '../../../../shared/model/notices'

/** chat targets carry every kind but chat.message; groupware targets carry only chat.message (the way back). */
export function targetTakes(target: NoticeTargetConfig, kind: NoticeKind): boolean {
  return target.role === 'groupware' ? kind === 'chat.message' : kind !== 'chat.message'
}
