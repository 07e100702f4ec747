import { ApiError } from '../../../../shared/model/errors'

/** Contract scaffolding: replaced part by part while the notice relay is built (removed when done). */
export function notImplemented(): never {
  throw new ApiError('internal', { ja: 'まだ実装されていません。', en: 'Not implemented yet.' })
}
