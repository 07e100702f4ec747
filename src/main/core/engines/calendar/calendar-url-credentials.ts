/**
 * Issue 9 item 14: a feed or CalDAV URL written as https://user:password@host/… is never stored. On save the
 * password moves to the pair's keychain entry for that side, the user name to the side's user name field
 * (Basic auth), and the URL is stored without them; the answer says so. Stored pairs from before are
 * repaired the same way at start.
 */
import type { CalendarPairConfig } from '../../../../shared/model/calendar-config'
import { calendarSecretName } from '../../../../shared/model/calendar-config'
import { ApiError } from '../../../../shared/model/errors'
import type { Localized } from '../../../../shared/model/localized'
import { credentialsInUrl, urlWithoutCredentials } from '../../../../shared/model/url-credentials'
import { writeAudit } from '../../audit'
import type { HistoryRepository } from '../../history/history-repository'
import type { SecretStore } from '../../secrets/secret-store'
import type { CalendarPairRepository } from './calendar-pair-repository'

type Side = CalendarPairConfig['source'] | CalendarPairConfig['target']

const sideNames: Record<'source' | 'target', Localized> = {
  source: { ja: '同期元', en: 'source' },
  target: { ja: '同期先', en: 'target' },
}

function refusal(slot: 'source' | 'target', method: string): ApiError {
  const side = sideNames[slot]
  return new ApiError('invalid-input', {
    ja: `${side.ja}の URL にユーザー名とパスワードが含まれていますが、認証方式が「${method}」です。URL から取り除き、認証方式に合った欄に入力してください。`,
    en: `The ${side.en} URL holds a user name and password, but the sign-in method is "${method}". Take them out of the URL and use the field for that method.`,
  })
}

/** The side without credentials in its URL, using Basic auth with the URL's user name. */
function cleanedSide(side: Side, slot: 'source' | 'target'): Side {
  const found = credentialsInUrl(side.url)
  if (found === null) return side
  if (side.auth === 'bearer' || side.auth === 'oauth') throw refusal(slot, side.auth)
  const username = found.username || side.username
  const url = urlWithoutCredentials(side.url)
  return side.kind === 'ics' ? { ...side, url, auth: 'basic', username } : { ...side, url, username }
}

export interface MovedCredentials {
  readonly config: CalendarPairConfig
  /** What was moved, for the answer and the history; null when the URLs held no credentials. */
  readonly notice: Localized | null
}

/**
 * Checks both sides first, then writes the passwords to the keychain, and only then hands back the config
 * to store: a refusal changes nothing, and a keychain failure leaves the stored settings as they were.
 */
export async function moveUrlCredentials(
  config: CalendarPairConfig,
  secrets: SecretStore,
): Promise<MovedCredentials> {
  const source = cleanedSide(config.source, 'source') as CalendarPairConfig['source']
  const target = cleanedSide(config.target, 'target') as CalendarPairConfig['target']
  const moved: ('source' | 'target')[] = []
  for (const [slot, side] of [
    ['source', config.source],
    ['target', config.target],
  ] as const) {
    const found = credentialsInUrl(side.url)
    if (found === null) continue
    moved.push(slot)
    if (found.password !== '') await secrets.set(calendarSecretName(config.id, slot), found.password)
  }
  if (moved.length === 0) return { config, notice: null }
  const sides = moved.map((slot) => sideNames[slot])
  return {
    config: { ...config, source, target },
    notice: {
      ja: `URL に含まれていたユーザー名とパスワードを取り除き、パスワードをキーチェーンに保存しました（${sides.map((s) => s.ja).join('・')}）。URL にはもう含めないでください。`,
      en: `The user name and password in the ${sides.map((s) => s.en).join(' and ')} URL were taken out; the password is kept in the keychain. Leave them out of URLs from now on.`,
    },
  }
}

/**
 * Pairs stored before URLs were checked: their credentials move now. Without a keychain they stay where
 * they are (the pair keeps working) and the history says what to do.
 */
export async function repairStoredUrlCredentials(
  pairs: CalendarPairRepository,
  secrets: SecretStore,
  history: HistoryRepository,
): Promise<void> {
  for (const { config } of pairs.list()) {
    try {
      const moved = await moveUrlCredentials(config, secrets)
      if (moved.notice === null) continue
      pairs.save(moved.config)
      writeAudit(history, {
        ja: `${config.name}: ${moved.notice.ja}`,
        en: `${config.name}: ${moved.notice.en}`,
      })
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      history.append({
        direction: 'local',
        category: 'calendar',
        level: 'warning',
        site: config.name,
        message: `URL に含まれるパスワードをキーチェーンに移せませんでした。URL から取り除き、パスワード欄に入力し直してください（${reason}）`,
        messageEn: `The password in a URL could not be moved to the keychain. Take it out of the URL and type it in the password field again (${reason})`,
        detail: { pair: config.id },
      })
    }
  }
}
