/** The words of the test-copy guard: history lines, refusals and the health note, in Japanese and English. */
import type { Localized } from '../../../../../shared/model/localized'

export function changedWarning(names: readonly string[]): Localized {
  const ja = names.length ? `（${names.join('、')}）` : ''
  const en = names.length ? ` (${names.join(', ')})` : ''
  return {
    ja: `このデータフォルダーは別の端末（または別のフォルダー）で起動されました。本番サイトのコピーから連携先へデータが届かないよう、すべてのリンクを一時停止しました${ja}。本番として使う場合はリンク画面で「この端末で再開」、テスト用のコピーなら「テスト用のコピーなので停止のまま」を選んでください。`,
    en: `This data folder was started on another machine (or in another folder). Every link was paused${en} so that a copy of the production site sends nothing to partners. If this is now the production site, choose "Resume on this machine" on the Links screen; if it is a test copy, choose "Test copy: keep paused".`,
  }
}

export const resumedHere: Localized = {
  ja: '「この端末で再開」: この端末を本番として登録し、端末の変更で止めたリンクを再開しました',
  en: '"Resume on this machine": this machine is now the production site; the links paused for the machine change were resumed',
}

export const keptAsTestCopy: Localized = {
  ja: '「テスト用のコピーなので停止のまま」: リンクは一時停止のままです（リンクごとに再開できます）',
  en: '"Test copy: keep paused": the links stay paused (each can still be resumed on its own)',
}

export const nothingToConfirm: Localized = {
  ja: '端末の変更は検出されていません。確認することはありません。何も変更していません。',
  en: 'No machine change was detected, so there is nothing to confirm. Nothing was changed.',
}

export const alreadyTestCopy: Localized = {
  ja: 'このデータフォルダーはすでにテスト用のコピーとして停止中です。何も変更していません。',
  en: 'This data folder is already kept paused as a test copy. Nothing was changed.',
}

export const machineHealthNote: Localized = {
  ja: '別の端末で起動されたため、すべてのリンクを一時停止しています（リンク画面で確認してください）',
  en: 'Started on another machine: every link is paused (see the Links screen)',
}

export const testCopyHealthNote: Localized = {
  ja: 'テスト用のコピーとして停止中',
  en: 'Paused as a test copy',
}
