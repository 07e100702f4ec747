import { ApiError } from '../../../../shared/model/errors'
import type { Localized } from '../../../../shared/model/localized'
import { applyMergePatch } from '../../../../shared/model/merge-patch'
import { roomSettings, systemParameterLabels, type RoomSettings } from '../../../../shared/model/rooms'
import { writeAudit } from '../../audit'
import { describeIssues } from '../../input-issues'
import { JsonSetting } from '../../settings/json-setting'
import type { NoticeHandlers } from '../notices/notice-ports'
import type { RoomContext } from './room-context'
import { roomUrlProblems } from './room-input-checks'
import { systemParameterProblems } from './room-parameters'

const title: Localized = { ja: '会議室の自動生成の設定', en: 'room provisioning settings' }

/** Every problem of a patched document at once: the seed's parameter names for the system parameters. */
export function roomSettingsProblems(merged: unknown): Localized[] {
  const document = (typeof merged === 'object' && merged !== null ? merged : {}) as Record<string, unknown>
  const problems: Localized[] =
    document.parameters === undefined ? [] : systemParameterProblems(document.parameters)
  const parsed = roomSettings.safeParse(merged)
  if (!parsed.success) {
    // The parameters are described above in the seed's words; zod's view of them would repeat each problem.
    const others = parsed.error.issues.filter(
      (issue) => issue.path[0] !== 'parameters' || !(String(issue.path[1]) in systemParameterLabels),
    )
    if (others.length > 0) problems.push(describeIssues(others, merged))
  }
  const target = document.target as { roomBaseUrl?: unknown } | undefined
  if (typeof target?.roomBaseUrl === 'string' && target.roomBaseUrl.trim() !== '') {
    for (const p of roomUrlProblems(target.roomBaseUrl.trim())) {
      problems.push({ ja: `target.roomBaseUrl: ${p.ja}`, en: `target.roomBaseUrl: ${p.en}` })
    }
  }
  return problems
}

/** `rooms.settings`: one JSON document in the settings table, checked whole, every change audited. */
export function createRoomSettings(ctx: RoomContext): {
  readonly get: () => RoomSettings
  readonly handlers: NoticeHandlers<'rooms.settings.get' | 'rooms.settings.update'>
} {
  const setting = new JsonSetting(ctx.db, 'rooms.settings', roomSettings, title)
  const update = (patch: unknown): { after: RoomSettings; changed: boolean } =>
    ctx.db
      .transaction(() => {
        const before = setting.get()
        const merged = applyMergePatch(before, patch, 'kind')
        const problems = roomSettingsProblems(merged)
        if (problems.length > 0) {
          throw new ApiError(
            'invalid-input',
            {
              ja: `${title.ja}を変更できません。何も変更していません(${problems.map((p) => p.ja).join('; ')})`,
              en: `The ${title.en} cannot be changed; nothing was changed (${problems.map((p) => p.en).join('; ')})`,
            },
            { problems },
          )
        }
        const after = roomSettings.parse(merged)
        const changed = JSON.stringify(after) !== JSON.stringify(before)
        if (changed) setting.save(after)
        return { after, changed }
      })
      .immediate()
  return {
    get: () => setting.get(),
    handlers: {
      'rooms.settings.get': async () => setting.get(),
      'rooms.settings.update': async (patch) => {
        const { after, changed } = update(patch)
        if (changed) {
          writeAudit(
            ctx.history,
            { ja: '会議室の自動生成の設定を変更しました', en: 'Room provisioning settings changed' },
            { settings: after },
          )
        }
        return after
      },
    },
  }
}
