/** What the administrator reads when the SCIM target fails or is checked: what is wrong and what to change. */
import type { Localized } from '../../../../shared/model/localized'

export const scimMessages = {
  tokenRefused: (url: string, status: number): Localized => ({
    ja: `SCIM サーバー（${url}）がベアラートークンを拒否しました（HTTP ${status}）。設定画面で新しいトークンを設定してください。`,
    en: `The SCIM server (${url}) refused the bearer token (HTTP ${status}); set a new one in Settings.`,
  }),
  noService: (url: string): Localized => ({
    ja: `${url} に SCIM サービスがありません（HTTP 404）。URL が /scim/v2 など、提供元の説明どおりの形で終わっているか確認してください。`,
    en: `No SCIM service at ${url} (HTTP 404); check it ends with /scim/v2 or what the vendor documents.`,
  }),
  notScim: (url: string): Localized => ({
    ja: `${url} の応答が SCIM の JSON ではありません。URL が SCIM サービスの入口（/scim/v2 など）を指しているか確認してください。`,
    en: `The answer from ${url} is not SCIM JSON; check the URL points at the SCIM service (e.g. ends with /scim/v2).`,
  }),
  rejected: (status: number, detail: string): Localized => ({
    ja: `SCIM サーバーが要求を受け付けませんでした（HTTP ${status}）：${detail}。サーバーの指摘に沿って設定かソースのデータを直してください。`,
    en: `The SCIM server refused the request (HTTP ${status}): ${detail}. Fix the settings or the source data it points at.`,
  }),
  slowDown: (url: string, retries: number): Localized => ({
    ja: `SCIM サーバー（${url}）が要求の間隔をあけるよう求め続けています（HTTP 429、${retries} 回再試行）。しばらくしてから再実行してください。`,
    en: `The SCIM server (${url}) kept asking to slow down (HTTP 429, ${retries} retries); run again later.`,
  }),
  serverFailing: (url: string, status: number, retries: number): Localized => ({
    ja: `SCIM サーバー（${url}）が一時的なエラーを返し続けています（HTTP ${status}、${retries} 回再試行）。サーバーの状態を確かめて、後で再実行してください。`,
    en: `The SCIM server (${url}) kept failing (HTTP ${status}, ${retries} retries); check the server and run again later.`,
  }),
  unreachable: (url: string, reason: string): Localized => ({
    ja: `SCIM サーバー（${url}）に接続できません（${reason}）。URL、ネットワーク、サーバーが動いているかを確認してください。`,
    en: `Cannot reach the SCIM server at ${url} (${reason}); check the URL, the network and that the server is running.`,
  }),
  tls: (url: string, reason: string): Localized => ({
    ja: `${url} との TLS（証明書）の確認に失敗しました（${reason}）。社内 CA の証明書を 設定 → ネットワーク → 信頼する CA に追加するか、URL（http/https とホスト名）を直してください。`,
    en: `The TLS check with ${url} failed (${reason}); add your CA certificate under Settings → Network → Trusted CAs or fix the URL (http/https, host name).`,
  }),
  objectGone: (what: 'user' | 'group', ref: string): Localized => ({
    ja: `SCIM サーバーに対象の${what === 'user' ? 'ユーザー' : 'グループ'}（id ${ref}）がもうありません。次回の同期で読み直し、必要なら作り直します。`,
    en: `The ${what} (id ${ref}) no longer exists on the SCIM server; the next sync re-reads the server and re-creates it if needed.`,
  }),
  userNameTaken: (login: string, detail: string): Localized => ({
    ja: `ログイン名「${login}」は SCIM サーバー上の別のアカウントが使っています（${detail}）。Renkei は他のアカウントを乗っ取りません。そのアカウントを引き継ぐ場合は照合ルールにログイン名を含めてプレビューで承認するか、ソースのログイン名を変えてください。`,
    en: `The login "${login}" is used by another account on the SCIM server (${detail}). Renkei never takes an account over: to adopt it, match by login and approve the adoption in the preview, or change the login in the source.`,
  }),
  groupTaken: (name: string, detail: string): Localized => ({
    ja: `グループ「${name}」は SCIM サーバー上の別のグループと重なるため作成できません（${detail}）。そのグループを引き継ぐ（プレビューで承認）か、名前を変えてください。`,
    en: `The group "${name}" collides with another group on the SCIM server (${detail}); adopt that group (approve in the preview) or rename one of them.`,
  }),
  watchedGroupMissing: (name: string): Localized => ({
    ja: `除外ルールのグループ「${name}」が SCIM サーバーにありません。除外を確かめられないため同期を止めました。グループ名（表示名）を直すか、ルールから外してください。`,
    en: `The exclusion rule's group "${name}" does not exist on the SCIM server, so exclusions cannot be checked and the run stopped. Fix the group's display name or remove it from the rules.`,
  }),
  pagingIgnored: (url: string, collection: string): Localized => ({
    ja: `SCIM サーバー（${url}）が ${collection} の一覧のページ送り（startIndex）に従わず、同じ内容か別の位置のページを返しました。提供元にページ送りへの対応を確認してください。`,
    en: `The SCIM server (${url}) ignored paging (startIndex) in the ${collection} listing and returned the same or a misplaced page; ask the vendor about SCIM paging.`,
  }),
  listingRepeats: (url: string, collection: string, id: string): Localized => ({
    ja: `SCIM サーバー（${url}）の ${collection} の一覧に同じ id（${id}）が 2 回現れました。読んでいる間に一覧が変わったか、並び順が安定していません。しばらくしてから再実行してください。`,
    en: `The SCIM server (${url}) listed the same id (${id}) twice in ${collection}: the listing changed while it was read, or its order is unstable. Run again later.`,
  }),
  listingContradicts: (url: string, collection: string, itemsPerPage: number, got: number): Localized => ({
    ja: `SCIM サーバー（${url}）の ${collection} の一覧が矛盾しています（itemsPerPage ${itemsPerPage} に対して ${got} 件）。提供元に確認してください。`,
    en: `The SCIM server (${url}) contradicts itself in the ${collection} listing (itemsPerPage ${itemsPerPage}, ${got} resources sent); ask the vendor.`,
  }),
  listingShort: (url: string, collection: string, total: number, read: number): Localized => ({
    ja: `SCIM サーバー（${url}）は ${collection} が ${total} 件あると答えましたが、一覧から読めたのは ${read} 件でした。しばらくしてから再実行し、続く場合は提供元に確認してください。`,
    en: `The SCIM server (${url}) says ${collection} holds ${total} resources but its listing gave ${read}; run again later; if it persists, ask the vendor.`,
  }),
  listingFailed: (collection: string, reason: Localized): Localized => ({
    ja: `SCIM の ${collection} の一覧を最後まで読めなかったため、停止・削除を含め何も計画せず、何も変更せずに同期を止めました: ${reason.ja}`,
    en: `The SCIM ${collection} listing could not be read completely, so the run stopped before planning anything (no suspension, no deletion) and changed nothing: ${reason.en}`,
  }),
  checkOk: (url: string, users: number | null): Localized => ({
    ja: `${url} の SCIM サービスに接続し、トークンが受け付けられました${users === null ? '' : `（ユーザー ${users} 件）`}。`,
    en: `Connected to the SCIM service at ${url}; the token was accepted${users === null ? '' : ` (${users} users)`}.`,
  }),
  noPatch: (url: string): Localized => ({
    ja: `${url} の SCIM サービスは PATCH に対応していないと答えました。Renkei は変更を PATCH で送るため、この URL では同期できません。`,
    en: `The SCIM service at ${url} says it does not support PATCH; Renkei sends changes with PATCH, so it cannot sync with it.`,
  }),
}
