/** What the administrator reads when the Mailman connector fails: what is wrong and what to change. */
import type { Localized } from '../../../../shared/model/localized'

export const mailmanMessages = {
  badBaseUrl: (reason: string): Localized => ({
    ja: `Mailman REST API の URL が正しくありません（${reason}）。http(s)://ホスト:ポート/3.1 の形で、ユーザー名やパスワードを含めずに設定してください。`,
    en: `The Mailman REST API URL is not valid (${reason}); use http(s)://host:port/3.1 without a user name or password in it.`,
  }),
  unreachable: (url: string, reason: string): Localized => ({
    ja: `Mailman REST API（${url}）に接続できません（${reason}）。URL と、Mailman が動いているかを確認してください。後で再実行できます。`,
    en: `Cannot reach the Mailman REST API at ${url} (${reason}); check the URL and that Mailman is running, then run again.`,
  }),
  timeout: (url: string, seconds: number): Localized => ({
    ja: `Mailman REST API（${url}）が ${seconds} 秒以内に応答しませんでした。サーバーの状態を確認して後で再実行してください。`,
    en: `The Mailman REST API at ${url} did not answer within ${seconds} s; check the server and run again later.`,
  }),
  authRefused: (url: string, user: string): Localized => ({
    ja: `Mailman REST API（${url}）が管理ユーザー「${user}」の認証を拒否しました（HTTP 401）。mailman.cfg の [webservice] admin_user / admin_pass と、設定画面のパスワードを確認してください。`,
    en: `The Mailman REST API at ${url} refused the admin user "${user}" (HTTP 401); check admin_user / admin_pass in mailman.cfg's [webservice] and the password in Settings.`,
  }),
  serverFailing: (url: string, status: number): Localized => ({
    ja: `Mailman REST API（${url}）がエラーを返しました（HTTP ${status}）。Mailman のログ（var/logs/mailman.log）を確認して後で再実行してください。`,
    en: `The Mailman REST API at ${url} failed (HTTP ${status}); check Mailman's log (var/logs/mailman.log) and run again later.`,
  }),
  refused: (status: number, detail: string): Localized => ({
    ja: `Mailman が要求を受け付けませんでした（HTTP ${status}）：${detail}。Mailman の指摘に沿って設定か会議室のデータを直してください。`,
    en: `Mailman refused the request (HTTP ${status}): ${detail}. Fix the settings or the room data it points at.`,
  }),
  notMailman: (url: string): Localized => ({
    ja: `${url} の応答が Mailman REST API の JSON ではありません。URL が Mailman の REST API（…/3.1）を指しているか確認してください。`,
    en: `The answer from ${url} is not Mailman REST JSON; check the URL points at Mailman's REST API (…/3.1).`,
  }),
  listNotFound: (listId: string): Localized => ({
    ja: `Mailman にメーリングリスト「${listId}」がありません。削除されたか、名前が変わった可能性があります。`,
    en: `The mailing list "${listId}" does not exist in Mailman; it may have been deleted or renamed.`,
  }),
  listExists: (listId: string): Localized => ({
    ja: `Mailman にメーリングリスト「${listId}」がすでにあります。Renkei は自分で作っていないリストを引き継ぎません。会議室 ID を変えるか、そのリストを確認してください。`,
    en: `The mailing list "${listId}" already exists in Mailman; Renkei does not take over lists it did not create. Change the room id or check that list.`,
  }),
  badListName: (name: string, rule: string): Localized => ({
    ja: `メーリングリスト名「${name}」は使えません：${rule}。何も作成していません。`,
    en: `The mailing list name "${name}" cannot be used: ${rule}. Nothing was created.`,
  }),
  badText: (field: string, rule: Localized): Localized => ({
    ja: `${field} が Mailman の制限を超えています：${rule.ja}。何も変更していません。`,
    en: `${field} is outside Mailman's limits: ${rule.en}. Nothing was changed.`,
  }),
  badAddress: (address: string): Localized => ({
    ja: `メールアドレス「${address}」は正しくありません。何も変更していません。`,
    en: `The e-mail address "${address}" is not valid. Nothing was changed.`,
  }),
  badTemplateDir: (dir: string): Localized => ({
    ja: `ヘッダー・フッターの保存先「${dir}」は使えません。Mailman は file:// URI を復号せずに開くため、英数字と / . _ - だけの絶対パスにしてください。`,
    en: `The header/footer folder "${dir}" cannot be used: Mailman opens file:// URIs without decoding them, so use an absolute path of letters, digits and / . _ - only.`,
  }),
  pendingSubscription: (listId: string, address: string): Localized => ({
    ja: `Mailman が「${address}」の「${listId}」への登録・解除を保留にしました（確認または承認待ち）。Renkei は即時の登録・解除を求めています。Mailman の設定を確認してください。`,
    en: `Mailman left the (un)subscription of "${address}" to "${listId}" pending (confirmation or approval); Renkei asks for immediate ones. Check the list's settings in Mailman.`,
  }),
  rosterIncomplete: (listId: string, role: Localized, reason: Localized): Localized => ({
    ja: `「${listId}」の${role.ja}一覧を最後まで読めなかったため、何も削除・変更せずに止めました：${reason.ja}`,
    en: `The ${role.en} roster of "${listId}" could not be read completely, so nothing was removed or changed: ${reason.en}`,
  }),
  rosterContradicts: (detail: string): Localized => ({
    ja: `Mailman の応答が矛盾しています（${detail}）。読んでいる間に一覧が変わった可能性があります。しばらくしてから再実行してください`,
    en: `Mailman's answers contradict each other (${detail}); the roster may have changed while it was read. Run again later`,
  }),
  ownerMissing: (listId: string, owner: string): Localized => ({
    ja: `「${owner}」は「${listId}」の所有者ではありません。アクセス権を所有者だけに絞るには、先に所有者として登録してください。何も削除していません。`,
    en: `"${owner}" is not an owner of "${listId}"; to narrow access to the owner, make them an owner first. Nothing was removed.`,
  }),
  noOwners: (listId: string): Localized => ({
    ja: `「${listId}」の所有者を 0 人にはできません。何も変更していません。`,
    en: `"${listId}" cannot be left without owners. Nothing was changed.`,
  }),
}
