import {
  noticeKinds,
  noticeProducts,
  productOf,
  type NoticeKind,
  type NoticeMessageState,
  type NoticeProduct,
  type NoticeTargetKind,
  type NoticeTargetSecretName,
} from '../../../../shared/model/notices'
import type { MessageKey } from '../../i18n'

export const kindLabel = (kind: NoticeKind): MessageKey => `notices.kind.${kind}`
export const productLabel = (product: NoticeProduct): MessageKey => `notices.product.${product}`
export const targetKindLabel = (kind: NoticeTargetKind): MessageKey => `notices.targetKind.${kind}`
export const stateLabel = (state: NoticeMessageState): MessageKey => `notices.state.${state}`
export const secretLabel = (name: NoticeTargetSecretName): MessageKey => `notices.secret.${name}`

/** The kinds of each product in the contract's order: the pickers' groups and the opt-in matrix's columns. */
export const kindsByProduct: readonly (readonly [NoticeProduct, readonly NoticeKind[]])[] =
  noticeProducts.map(
    (product) => [product, noticeKinds.filter((kind) => productOf(kind) === product)] as const,
  )
