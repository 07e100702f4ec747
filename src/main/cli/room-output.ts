import type { Localized } from '../../shared/model/localized'
import {
  roomStateLabels,
  type CommunityPage,
  type CommunityView,
  type MemberNoticeSendResult,
  type RoomPreview,
} from '../../shared/model/rooms'
import { UsageError } from './cli-output'

/** `--limit` as typed: a whole number 1–500, else refused in both languages (exit 2). */
export function limitOf(text: string): number {
  if (/^\d{1,3}$/.test(text) && Number(text) >= 1 && Number(text) <= 500) return Number(text)
  throw new UsageError({
    ja: `--limit「${text}」は 1 から 500 までの整数で指定してください。`,
    en: `--limit "${text}" must be a whole number from 1 to 500.`,
  })
}

function communityLine(c: CommunityView): string {
  const room = c.room
  const head = `${c.code}  ${c.name}${c.nameEn ? ` / ${c.nameEn}` : ''}  (${c.source}, ${c.members} members)`
  if (c.deletedAt !== null) return `${head}\n    deleted / 削除済み${room ? `  room ${room.status}` : ''}`
  if (!room) return `${head}\n    no room yet / 会議室なし`
  const s = room.settings
  const state = roomStateLabels[s.state]
  const lines = [
    head,
    `    ${room.status}  ${state.ja} / ${state.en}  ${s.start} – ${s.end}  view until ${s.viewEnd}  owner ${s.ownerName || room.ownerId}`,
  ]
  if (room.lastError) lines.push(`    ${room.lastError.ja}`, `    ${room.lastError.en}`)
  return lines.join('\n')
}

export function communitiesText(page: CommunityPage): string {
  const lines = page.communities.map(communityLine)
  if (lines.length === 0) lines.push('no communities / コミュニティはありません')
  if (page.nextAfter !== null) lines.push(`more: --after ${page.nextAfter}`)
  return `${lines.join('\n')}\n`
}

const both = (text: Localized): string => `${text.ja}\n${text.en}`

/** The 23 values with their rules (one community), else the planned changes, then who is left out and why. */
export function previewText(preview: RoomPreview): string {
  const lines: string[] = []
  for (const row of preview.defaults?.rows ?? []) {
    lines.push(`${String(row.item).padStart(2)}. ${row.label.ja} / ${row.label.en}: ${String(row.value)}`)
    lines.push(`    ${row.rule.ja}`, `    ${row.rule.en}`)
  }
  if (preview.changes.length === 0) lines.push('no planned changes / 予定している変更はありません')
  for (const change of preview.changes) {
    lines.push(
      `${change.communityCode}  ${change.action}`,
      `    ${change.summary.ja}`,
      `    ${change.summary.en}`,
    )
    if (change.removesUserData.length > 0) {
      lines.push(`    removes per-user data of / 個人データを削除: ${change.removesUserData.join(', ')}`)
    }
  }
  for (const s of preview.skipped)
    lines.push(`skipped ${s.communityCode}/${s.userId}: ${s.reason.ja} / ${s.reason.en}`)
  for (const p of preview.problems) lines.push(`problem / 問題: ${p.ja} / ${p.en}`)
  return `${lines.join('\n')}\n`
}

export function sendText(result: MemberNoticeSendResult): string {
  return `sent ${result.sent}, dropped ${result.dropped}, failed ${result.failed}\n${both(result.outcome)}\n`
}
