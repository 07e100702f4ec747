import type { Localized } from '../../../../shared/model/localized'

/** The bilingual texts an administrator reads about Google authorization (and what to do next). */
export const oauthMessages = {
  missingClientId: {
    ja: 'OAuth クライアント ID が設定されていません。カレンダー同期の設定で Google Cloud のクライアント ID(デスクトップ アプリ)を入力してください。',
    en: 'No OAuth client ID is set. Enter the Google Cloud client ID (desktop app) in the calendar sync settings.',
  },
  notAuthorized: {
    ja: 'Google の認証がまだ行われていません。ペアの設定画面の「認証」ボタンから Google で認証してください。',
    en: "Not authorized yet: authorize with Google first (Authorize button in the pair's settings).",
  },
  authorizationRevoked: {
    ja: 'Google の認証が取り消されたか期限切れです。ペアの設定画面の「認証」ボタンからもう一度認証してください。',
    en: "The authorization was revoked or expired — authorize again (Authorize button in the pair's settings).",
  },
  codeRefused: {
    ja: '認可コードが受け付けられませんでした(期限切れ、または使用済み)。もう一度「認証」をクリックし、最後まで続けてください。',
    en: 'The authorization code was refused (expired or already used). Click Authorize again and finish in the browser.',
  },
  clientRefused: (error: string): Localized => ({
    ja: `Google が OAuth クライアントを拒否しました(${error})。設定のクライアント ID と、クライアント シークレットが Google Cloud のデスクトップ アプリのものか確認してください。`,
    en: `Google refused the OAuth client (${error}). Check that the client ID in the settings and the client secret belong to a Google Cloud desktop app.`,
  }),
  requestRefused: (error: string): Localized => ({
    ja: `トークン エンドポイントが要求を拒否しました(${error})。設定の OAuth クライアント ID、トークン エンドポイント、スコープを確認してください。`,
    en: `The token endpoint refused the request (${error}). Check the OAuth client ID, token endpoint and scope in the settings.`,
  }),
  endpointUnreachable: (url: string, reason: string): Localized => ({
    ja: `トークン エンドポイント ${url} に接続できません(${reason})。ネットワークとプロキシを確認してください。次回の同期で再試行します。`,
    en: `Cannot reach the token endpoint ${url} (${reason}). Check the network and proxy; the next sync tries again.`,
  }),
  endpointFailed: (status: number): Localized => ({
    ja: `トークン エンドポイントでサーバー エラーが発生しました(HTTP ${status})。Google 側の一時的な障害です。次回の同期で再試行します。`,
    en: `The token endpoint had a server error (HTTP ${status}). This is temporary on Google's side; the next sync tries again.`,
  }),
  endpointBusy: {
    ja: 'トークン エンドポイントから要求を減らすよう求められました(HTTP 429)。しばらく待ってから再試行します。',
    en: 'The token endpoint asked us to slow down (HTTP 429). Renkei tries again later.',
  },
  answerInvalid: (url: string): Localized => ({
    ja: `${url} の応答にアクセス トークンが含まれていません。トークン エンドポイントの URL が正しいか確認してください。`,
    en: `The answer from ${url} holds no access token. Check that the token endpoint URL is right.`,
  }),
  noRefreshToken: {
    ja: 'Google がリフレッシュ トークンを返しませんでした。Google アカウントの「サードパーティ製のアプリとサービス」(https://myaccount.google.com/connections)で Renkei のアクセスを削除し、同意画面が表示される状態でもう一度認証してください。',
    en: "Google returned no refresh token. Remove Renkei's access in your Google Account (https://myaccount.google.com/connections), then authorize again so that the consent screen appears.",
  },
  accessDenied: {
    ja: 'ブラウザーで Google へのアクセスが許可されませんでした。もう一度「認証」をクリックし、カレンダーへのアクセスを許可してください。',
    en: 'Access was not allowed in the browser. Click Authorize again and allow access to the calendar.',
  },
  authorizationError: (error: string): Localized => ({
    ja: `Google が認証要求を拒否しました(${error})。設定の OAuth クライアント ID、認可エンドポイント、スコープを確認してください。`,
    en: `Google refused the authorization request (${error}). Check the OAuth client ID, authorization endpoint and scope in the settings.`,
  }),
  stateMismatch: {
    ja: 'ブラウザーから届いた応答がこの認証要求のものではありません(state 不一致)。もう一度「認証」をクリックし、最後に開いたブラウザーのタブで完了してください。',
    en: 'The answer from the browser does not belong to this authorization (state mismatch). Click Authorize again and finish in the browser tab it opens last.',
  },
  noCode: {
    ja: 'ブラウザーから届いた応答に認可コードがありません。もう一度「認証」をクリックしてください。',
    en: 'The answer from the browser holds no authorization code. Click Authorize again.',
  },
  timedOut: (minutes: number): Localized => ({
    ja: `${minutes} 分以内にブラウザーでの認証が完了しませんでした。もう一度「認証」をクリックしてください。`,
    en: `The authorization was not finished in the browser within ${minutes} minutes. Click Authorize again.`,
  }),
  pageDone: {
    ja: 'Renkei が認証を受け取りました。このウィンドウを閉じて Renkei に戻ってください。',
    en: 'Renkei received the authorization. You can close this window and return to Renkei.',
  },
  pageNotFound: {
    ja: 'このページはありません。',
    en: 'There is no such page.',
  },
} as const
