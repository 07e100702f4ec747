/** The provider's pages a visitor may see: a short ja/en explanation, never a stack trace or a token. */
import type { ServerResponse } from 'node:http'
import type { Localized } from '../../../../../shared/model/localized'

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export function errorPage(reason: Localized): string {
  return `<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><title>Renkei</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto">
<h1>サインインできません</h1><p>${escape(reason.ja)}</p>
<h1 lang="en">Cannot sign in</h1><p lang="en">${escape(reason.en)}</p>
</body></html>`
}

export function sendErrorPage(res: ServerResponse, status: number, reason: Localized): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  })
  res.end(errorPage(reason))
}

export const grantRefusals = {
  unknown: {
    ja: 'このサインインは使用済みか、無効です。所属先のシステムから、もう一度訪問してください。',
    en: 'This sign-in was already used or is not valid. Visit again from your own site.',
  },
  expired: {
    ja: 'このサインインの有効期限（2分）が切れました。所属先のシステムから、もう一度訪問してください。',
    en: 'This sign-in expired (it is valid for 2 minutes). Visit again from your own site.',
  },
  'other-client': {
    ja: 'このサインインは別のシステム向けに発行されたものです。所属先のシステムから、もう一度訪問してください。',
    en: 'This sign-in was issued for another system. Visit again from your own site.',
  },
  'no-hint': {
    ja: 'サインインは連携先からの訪問でのみ始められます。所属先のシステムから訪問してください。',
    en: 'Sign-in starts only with a visit from a linked partner. Visit from your own site.',
  },
  disabled: {
    ja: 'このサイトの OpenID Connect プロバイダーは無効です。',
    en: "This site's OpenID Connect provider is turned off.",
  },
  failed: {
    ja: 'サインインを続けられませんでした。所属先のシステムから、もう一度訪問してください。',
    en: 'The sign-in could not go on. Visit again from your own site.',
  },
} as const satisfies Record<string, Localized>
