import { ApiError } from '../../../../../shared/model/errors'
import type { Localized } from '../../../../../shared/model/localized'
import type { LinkDataKind } from '../../../../../shared/model/sitelink'
import { linkedEmployeesWarning } from '../../../../../shared/model/sitelink-exchange'

/** The seed's names of the kinds (受信履歴: 会社・社員・部署・役職・スケジュール・在席状況). */
export const kindNames: Readonly<Record<LinkDataKind, Localized>> = {
  company: { ja: '会社', en: 'company' },
  employee: { ja: '社員', en: 'employees' },
  department: { ja: '部署', en: 'departments' },
  position: { ja: '役職', en: 'positions' },
  schedule: { ja: 'スケジュール', en: 'schedules' },
  presence: { ja: '在席状況', en: 'presence' },
  rules: { ja: '訪問・受入ルール', en: 'visit and accept rules' },
}

export function unknownLink(id: string): ApiError {
  return new ApiError('not-found', {
    ja: `リンク「${id}」はありません。リンク一覧から選んでください。`,
    en: `There is no link "${id}". Pick one from the list of links.`,
  })
}

export function inactiveLink(id: string): ApiError {
  return new ApiError('invalid-input', {
    ja: `リンク「${id}」はリンク中ではないか一時停止中のため送信できません。何も送信していません。`,
    en: `Link "${id}" is not linked or is paused, so nothing can be sent. Nothing was sent.`,
  })
}

export const waitingForImport: Localized = {
  ja: 'ディレクトリの取り込み中のため、送信を 15 分後に延期しました',
  en: 'A directory import is running: sending was put off by 15 minutes',
}

/** Seed よくあるご質問: more than 30,000 employees in total works, but every screen gets slower. */
export function employeesWarning(total: number): Localized | null {
  if (total <= linkedEmployeesWarning) return null
  return {
    ja: `連携する社員の合計が ${total.toLocaleString('ja-JP')} 名です。推奨の ${linkedEmployeesWarning.toLocaleString('ja-JP')} 名を超えると画面の表示が遅くなります。`,
    en: `The linked sites have ${total.toLocaleString('en-US')} employees in total. Above the recommended ${linkedEmployeesWarning.toLocaleString('en-US')}, screens open more slowly.`,
  }
}

export function sentMessage(batches: number, pending: number): Localized {
  const left =
    pending > 0 ? { ja: `、未送信 ${pending} 件`, en: `, ${pending} still to send` } : { ja: '', en: '' }
  return {
    ja: `${batches} 件のバッチを送信しました${left.ja}`,
    en: `Sent ${batches} batches${left.en}`,
  }
}

export function receivedMessage(
  kind: LinkDataKind,
  seq: number,
  upserts: number,
  deletes: number,
): Localized {
  const name = kindNames[kind]
  return {
    ja: `${name.ja}を受信しました（No.${seq}: 登録・更新 ${upserts} 件、削除 ${deletes} 件）`,
    en: `Received ${name.en} (No. ${seq}: ${upserts} added or updated, ${deletes} deleted)`,
  }
}
