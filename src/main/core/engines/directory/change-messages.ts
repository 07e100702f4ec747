import type { DirectoryObjectKind, HomeChange, PlanItem } from '../../../../shared/model/directory'
import type { Localized } from '../../../../shared/model/localized'

const kindNames: Record<DirectoryObjectKind | PlanItem['object'], Localized> = {
  employee: { ja: '社員', en: 'employee' },
  department: { ja: '部署', en: 'department' },
  position: { ja: '役職', en: 'position' },
  group: { ja: 'グループ', en: 'group' },
  user: { ja: 'ユーザー', en: 'user' },
}

const homeActions: Record<HomeChange['action'], Localized> = {
  created: { ja: '追加', en: 'added' },
  updated: { ja: '変更', en: 'changed' },
  suspended: { ja: '無効化', en: 'suspended' },
  reactivated: { ja: '再有効化', en: 'reactivated' },
  deleted: { ja: '削除', en: 'removed' },
}

const planActions: Record<PlanItem['action'], Localized> = {
  create: { ja: '作成', en: 'created' },
  adopt: { ja: '引き継ぎ', en: 'adopted' },
  update: { ja: '更新', en: 'updated' },
  suspend: { ja: '停止', en: 'suspended' },
  reactivate: { ja: '再開', en: 'reactivated' },
  delete: { ja: '削除', en: 'deleted' },
}

const fieldsText = (fields: readonly { field: string }[]): string =>
  fields.length === 0 ? '' : ` (${fields.map((f) => f.field).join(', ')})`

/** 「社員 山田 太郎 (E001) を変更しました (email)」: one history line per change in the home directory, with its reason if any. */
export function homeChangeMessage(change: HomeChange): Localized {
  const kind = kindNames[change.kind]
  const action = homeActions[change.action]
  const fields = fieldsText(change.fields)
  const reason = change.reason ?? null
  return {
    ja: `ホームディレクトリ: ${kind.ja}「${change.name}」(${change.key}) を${action.ja}しました${fields}${reason ? `: ${reason.ja}` : ''}`,
    en: `Home directory: ${kind.en} "${change.name}" (${change.key}) ${action.en}${fields}${reason ? `: ${reason.en}` : ''}`,
  }
}

export function planItemMessage(item: PlanItem, target: string): Localized {
  const kind = kindNames[item.object]
  const action = planActions[item.action]
  const fields = fieldsText(item.fields)
  return {
    ja: `${target}: ${kind.ja}「${item.name}」(${item.key}) を${action.ja}しました${fields}`,
    en: `${target}: ${kind.en} "${item.name}" (${item.key}) ${action.en}${fields}`,
  }
}

export function planItemFailure(item: PlanItem, target: string, reason: Localized): Localized {
  const kind = kindNames[item.object]
  const action = planActions[item.action]
  return {
    ja: `${target}: ${kind.ja}「${item.name}」(${item.key}) の${action.ja}に失敗しました。${reason.ja}`,
    en: `${target}: could not apply "${action.en}" to ${kind.en} "${item.name}" (${item.key}). ${reason.en}`,
  }
}
