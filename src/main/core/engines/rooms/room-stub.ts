import { ApiError } from '../../../../shared/model/errors'

/** A part not built yet (issue 15 is in progress): the API says so in both languages. Delete once all parts land. */
export function notImplemented(): never {
  throw new ApiError('internal', {
    ja: '会議室の自動生成はまだ準備中です。',
    en: 'Room provisioning is not ready yet.',
  })
}
