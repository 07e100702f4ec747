import type { AcceptScope, LinkPermission, LinkProduct } from '../../../../shared/model/sitelink-rules'
import type { MessageKey } from '../../i18n'

/** Seed 権限, as the screens name them. */
export const permissionLabels: Readonly<Record<LinkPermission, MessageKey>> = {
  none: 'links.perm.none',
  read: 'links.perm.read',
  write: 'links.perm.write',
  admin: 'links.perm.admin',
}

export const productLabels: Readonly<Record<LinkProduct, MessageKey>> = {
  schedule: 'links.product.schedule',
  presence: 'links.product.presence',
  directory: 'links.product.directory',
  messages: 'links.product.messages',
  files: 'links.product.files',
  workflow: 'links.product.workflow',
}

/** The seed's priority levels, low to high (the order `acceptScopes` has). */
export const scopeLabels: Readonly<Record<AcceptScope, MessageKey>> = {
  global: 'links.scope.global',
  position: 'links.scope.position',
  department: 'links.scope.department',
  'department-position': 'links.scope.departmentPosition',
  employee: 'links.scope.employee',
}
