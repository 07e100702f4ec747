/**
 * Network settings and the admin's trusted CAs, as two JSON documents in the settings table. Certificates
 * are public, so SQLite is the right place; the proxy password is the keychain's.
 */
import { z } from 'zod'
import { ApiError } from '../../../shared/model/errors'
import { networkSettings, type NetworkSettings, type TrustedCa } from '../../../shared/model/network'
import { JsonSetting } from '../settings/json-setting'
import type { Db } from '../store/database'
import { parseCaBundle } from './certificates'

const storedCas = z
  .object({ cas: z.array(z.object({ pem: z.string(), addedAt: z.number() }).strict()).default([]) })
  .strict()

const settingsTitle = { ja: 'ネットワークの設定', en: 'network settings' }

export class NetworkStore {
  private readonly settingsDoc: JsonSetting<typeof networkSettings>
  private readonly casDoc: JsonSetting<typeof storedCas>

  constructor(db: Db) {
    this.settingsDoc = new JsonSetting(db, 'network', networkSettings, settingsTitle)
    this.casDoc = new JsonSetting(db, 'network.cas', storedCas, { ja: '信頼する CA', en: 'trusted CAs' })
  }

  settings(): NetworkSettings {
    return this.settingsDoc.get()
  }

  update(patch: unknown, systemAvailable: boolean): { before: NetworkSettings; after: NetworkSettings } {
    return this.settingsDoc.update(patch, (value) => checkSettings(value, systemAvailable))
  }

  pems(): string[] {
    return this.casDoc.get().cas.map((ca) => ca.pem)
  }

  trustedCas(): TrustedCa[] {
    return this.casDoc.get().cas.map(({ pem, addedAt }) => {
      const { certificates } = parseCaBundle(pem)
      return { id: certificates[0]!.fingerprint, certificates, addedAt }
    })
  }

  /** Adds a bundle once (the same first certificate again is refused); returns its entry. */
  add(pem: string, now: number): TrustedCa {
    const parsed = parseCaBundle(pem)
    const id = parsed.certificates[0]!.fingerprint
    if (this.trustedCas().some((ca) => ca.id === id)) {
      throw new ApiError('invalid-input', {
        ja: `${parsed.certificates[0]!.subject} はすでに信頼する CA にあります。何も変更していません。`,
        en: `${parsed.certificates[0]!.subject} is already a trusted CA. Nothing was changed.`,
      })
    }
    this.casDoc.save({ cas: [...this.casDoc.get().cas, { pem: parsed.pem, addedAt: now }] })
    return { id, certificates: parsed.certificates, addedAt: now }
  }

  remove(id: string): TrustedCa {
    const all = this.trustedCas()
    const found = all.find((ca) => ca.id === id)
    if (!found) {
      throw new ApiError('not-found', {
        ja: `信頼する CA「${id}」はありません。一覧から選んでください。何も変更していません。`,
        en: `There is no trusted CA "${id}". Pick one from the list. Nothing was changed.`,
      })
    }
    this.casDoc.save({ cas: this.casDoc.get().cas.filter((_, index) => all[index]!.id !== id) })
    return found
  }
}

function invalid(ja: string, en: string): ApiError {
  return new ApiError('invalid-input', {
    ja: `ネットワークの設定を保存できません。何も変更していません（${ja}）`,
    en: `The network settings cannot be saved; nothing was changed (${en})`,
  })
}

/** What a save must hold beyond the field types: a usable manual proxy URL, and 'system' only where it exists. */
function checkSettings(value: NetworkSettings, systemAvailable: boolean): void {
  if (value.mode === 'system' && !systemAvailable) {
    throw invalid(
      'OS のプロキシ設定はデスクトップアプリでだけ使えます。デーモンでは「環境変数」か「手動」を選んでください',
      'the OS proxy settings are available in the desktop app only; in the daemon pick "environment" or "manual"',
    )
  }
  if (value.mode !== 'manual') return
  let url: URL
  try {
    url = new URL(value.proxyUrl)
  } catch {
    throw invalid(
      'プロキシの URL を http://ホスト:ポート の形で入力してください',
      'enter the proxy URL as http://host:port',
    )
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalid(
      'プロキシの URL は http:// か https:// で始めてください',
      'the proxy URL must start with http:// or https://',
    )
  }
  if (url.username !== '' || url.password !== '') {
    throw invalid(
      'プロキシの URL にユーザー名やパスワードを含めないでください。ユーザー名は欄に、パスワードはキーチェーンに保存します',
      'do not put a user name or password in the proxy URL; the user name has its own field and the password goes to the keychain',
    )
  }
}
