import type { Localized } from '../../../shared/model/localized'
import type { CertificateSummary, NetworkRoute } from '../../../shared/model/network'

/** TLS verification codes that mean "this certificate is not trusted / not valid here". */
export const certificateCode =
  /^(ERR_TLS_CERT_ALTNAME_INVALID|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)/

export function routeText(route: NetworkRoute): Localized {
  if (route.kind === 'proxy')
    return { ja: `プロキシ ${route.proxy} 経由`, en: `through the proxy ${route.proxy}` }
  const why: Record<typeof route.reason, Localized> = {
    mode: { ja: 'プロキシを使わない設定', en: 'no proxy is set' },
    'no-proxy': { ja: 'NO_PROXY の対象', en: 'listed in NO_PROXY' },
    'no-proxy-for-scheme': {
      ja: 'このスキームのプロキシ変数がない',
      en: 'no proxy variable for this scheme',
    },
    system: { ja: 'OS の設定で直接接続', en: 'the OS settings say DIRECT' },
  }
  return { ja: `直接接続（${why[route.reason].ja}）`, en: `direct (${why[route.reason].en})` }
}

/**
 * Which certificate was refused, by whom it was issued and what to do: the CA to add is the top of the
 * chain the server sent (its issuer when the server left the root out).
 */
export function certificateRefused(
  host: string,
  code: string,
  chain: readonly CertificateSummary[],
): Localized {
  const leaf = chain[0]
  const top = chain[chain.length - 1]
  const subject = leaf?.subject ?? '?'
  const issuer = leaf?.issuer ?? '?'
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return {
      ja: `${host} の証明書（${subject}、発行者 ${issuer}）はこの名前・アドレス用ではありません。証明書に含まれる名前で接続するか、サーバーの証明書を作り直してください。`,
      en: `The certificate of ${host} (${subject}, issued by ${issuer}) is not for this name or address. Connect with a name the certificate holds, or have the server's certificate reissued.`,
    }
  }
  if (code.startsWith('CERT_HAS_EXPIRED') || code === 'CERT_NOT_YET_VALID') {
    return {
      ja: `${host} の証明書（${subject}、発行者 ${issuer}、期限 ${leaf?.validTo ?? '?'}）は有効期間外です（${code}）。サーバーの証明書を更新してください。`,
      en: `The certificate of ${host} (${subject}, issued by ${issuer}, valid to ${leaf?.validTo ?? '?'}) is outside its validity period (${code}). Renew the server's certificate.`,
    }
  }
  const root = top?.subject === top?.issuer ? top?.subject : top?.issuer
  return {
    ja: `${host} の証明書（${subject}、発行者 ${issuer}）を信頼できません（${code}）。設定 → ネットワーク → 信頼する CA に「${root ?? issuer}」の CA 証明書（PEM）を追加してください。`,
    en: `The certificate of ${host} (${subject}, issued by ${issuer}) is not trusted (${code}). Add the CA certificate (PEM) of "${root ?? issuer}" under Settings → Network → Trusted CAs.`,
  }
}

export function proxyRefused(proxy: string, status: number): Localized {
  // 407 asks for credentials; some proxies (tinyproxy) answer wrong ones with 401.
  if (status === 407 || status === 401) {
    return {
      ja: `プロキシ ${proxy} が認証を求めました（${status}）。設定 → ネットワークでプロキシのユーザー名とパスワードを確認してください。`,
      en: `The proxy ${proxy} asked for authentication (${status}). Check the proxy user name and password under Settings → Network.`,
    }
  }
  return {
    ja: `プロキシ ${proxy} が接続を断りました（${status}）。プロキシの設定と、接続先がプロキシで許可されているか確認してください。`,
    en: `The proxy ${proxy} refused the connection (${status}). Check the proxy settings and whether the proxy allows this destination.`,
  }
}
