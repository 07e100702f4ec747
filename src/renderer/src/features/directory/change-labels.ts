/**
 * Words for the dry run's tables: objects, actions, field names and values, in the UI language.
 * Unknown field names (a future target field) are shown as they are rather than hidden.
 */
import type { DepartmentName } from '../../../../shared/model/directory'
import { departmentCodeFields } from '../../../../shared/model/directory'
import type { Language } from '../../../../shared/model/localized'
import type { MessageKey, Translate } from '../../i18n'
import { ja } from '../../i18n/ja'
import type { ChangeRows } from './plan-rows'

function known(key: string): key is MessageKey {
  return key in ja
}

export function objectLabel(source: ChangeRows['source'], object: string, t: Translate): string {
  const key = source === 'target' ? `directory.object.${object}` : `directory.homeObject.${object}`
  return known(key) ? t(key) : object
}

export function actionLabel(source: ChangeRows['source'], action: string, t: Translate): string {
  const key = source === 'target' ? `directory.action.${action}` : `directory.homeAction.${action}`
  return known(key) ? t(key) : action
}

const actionKinds: Readonly<Record<string, string>> = {
  create: 'create',
  created: 'create',
  update: 'update',
  updated: 'update',
  suspend: 'suspend',
  suspended: 'suspend',
  reactivate: 'reactivate',
  reactivated: 'reactivate',
  delete: 'delete',
  deleted: 'delete',
}

/** One colour per kind of change, whether it is written as 'create' (target) or 'created' (home). */
export function actionClass(action: string): string {
  return `change change-${actionKinds[action] ?? 'update'}`
}

const fieldNamespace: Readonly<Record<string, string>> = {
  user: 'directory.targetField',
  group: 'directory.targetField',
  employee: 'directory.userField',
  department: 'directory.deptField',
  position: 'directory.field',
}

export function fieldLabel(
  source: ChangeRows['source'],
  object: string,
  field: string,
  t: Translate,
): string {
  const namespace =
    source === 'target' ? 'directory.targetField' : (fieldNamespace[object] ?? 'directory.field')
  for (const key of [`${namespace}.${field}`, `directory.field.${field}`]) if (known(key)) return t(key)
  return field
}

/** Turns a department code into 「営業1課 (D110)」 in the UI language; a code with no known name stays a code. */
export type DepartmentLabel = (code: string) => string

export function departmentLabel(
  names: Readonly<Record<string, DepartmentName>>,
  language: Language,
  t: Translate,
): DepartmentLabel {
  return (code) => {
    const known = Object.hasOwn(names, code) ? names[code] : undefined
    if (!known) return code
    const name = language === 'en' ? (known.nameEn ?? known.nameJa) : known.nameJa
    return t('directory.dept.withCode', { name, code })
  }
}

/**
 * A field value for reading: lists joined, empty shown as "(none)", active as active/suspended, and
 * department codes with their names when `department` is given.
 */
export function formatValue(
  field: string,
  value: unknown,
  t: Translate,
  department?: DepartmentLabel,
): string {
  if (value === null || value === undefined || value === '') return t('directory.value.none')
  if (department && departmentCodeFields.has(field)) {
    if (typeof value === 'string') return department(value)
    if (Array.isArray(value) && value.length > 0) return value.map((v) => department(String(v))).join(', ')
  }
  if (typeof value === 'boolean') {
    if (field === 'active') return t(value ? 'directory.value.active' : 'directory.value.suspended')
    return t(value ? 'directory.value.yes' : 'directory.value.no')
  }
  if (typeof value === 'number') return value.toLocaleString('en-US')
  if (Array.isArray(value))
    return value.length === 0 ? t('directory.value.none') : value.map(String).join(', ')
  return typeof value === 'string' ? value : JSON.stringify(value)
}
