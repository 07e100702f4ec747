/**
 * The partner endpoint's certificate as the admin gives it (PEM files, or a PKCS#12 file with its passphrase
 * in the keychain), checked before the server starts, and every reason it cannot start in plain words.
 */
import { readFileSync } from 'node:fs'
import { createSecureContext } from 'node:tls'
import type { Localized } from '../../../../shared/model/localized'
import {
  linkEndpointPassphraseSecret,
  type LinkEndpointCertificate,
} from '../../../../shared/model/sitelink-endpoint'
import type { SecretStore } from '../../secrets/secret-store'
import type { PartnerListenerOptions } from './partner-listener'

/** Why the endpoint did not start; `localized` is what the admin sees. */
export class EndpointStartError extends Error {
  readonly localized: Localized

  constructor(reason: Localized) {
    const localized = {
      ja: `連携用エンドポイントを開始できません。${reason.ja}`,
      en: `The partner endpoint cannot start. ${reason.en}`,
    }
    super(localized.en)
    this.name = 'EndpointStartError'
    this.localized = localized
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function readFile(path: string, what: Localized): Buffer {
  if (path === '') {
    throw new EndpointStartError({
      ja: `${what.ja}のパスを指定してください。`,
      en: `Enter the path of the ${what.en}.`,
    })
  }
  try {
    return readFileSync(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? errorText(error)
    throw new EndpointStartError({
      ja: `${what.ja}「${path}」を読めません（${code}）。パスと、Renkei を動かすユーザーの読み取り権限を確認してください。`,
      en: `The ${what.en} "${path}" cannot be read (${code}). Check the path and that the user running Renkei may read it.`,
    })
  }
}

async function pkcs12(file: string, secrets: SecretStore): Promise<PartnerListenerOptions['tls']> {
  const pfx = readFile(file, { ja: 'PKCS#12 ファイル', en: 'PKCS#12 file' })
  const passphrase = await secrets.get(linkEndpointPassphraseSecret)
  if (passphrase === null) {
    throw new EndpointStartError({
      ja: `PKCS#12 ファイルのパスフレーズがキーチェーンにありません。設定 → シークレットで「${linkEndpointPassphraseSecret}」を設定してから、もう一度保存してください。`,
      en: `The PKCS#12 file's passphrase is not in the keychain. Set "${linkEndpointPassphraseSecret}" under Settings → Secrets, then save again.`,
    })
  }
  try {
    createSecureContext({ pfx, passphrase })
  } catch (error) {
    const text = errorText(error)
    if (/mac verify failure|bad decrypt|mac_verify/i.test(text)) {
      throw new EndpointStartError({
        ja: `PKCS#12 ファイル「${file}」のパスフレーズが違います。キーチェーンの「${linkEndpointPassphraseSecret}」を確認してください。`,
        en: `The passphrase of the PKCS#12 file "${file}" is wrong. Check "${linkEndpointPassphraseSecret}" in the keychain.`,
      })
    }
    throw new EndpointStartError({
      ja: `「${file}」を PKCS#12（.p12 / .pfx）として読めません（${text}）。`,
      en: `"${file}" cannot be read as PKCS#12 (.p12 / .pfx) (${text}).`,
    })
  }
  return { pfx, passphrase }
}

function pem(certFile: string, keyFile: string): PartnerListenerOptions['tls'] {
  const cert = readFile(certFile, { ja: '証明書ファイル', en: 'certificate file' })
  const key = readFile(keyFile, { ja: '秘密鍵ファイル', en: 'private key file' })
  try {
    createSecureContext({ cert, key })
  } catch (error) {
    throw new EndpointStartError({
      ja: `証明書「${certFile}」と秘密鍵「${keyFile}」を使えません（${errorText(error)}）。どちらも PEM 形式で、秘密鍵が証明書と対になっている（パスフレーズなし）ことを確認してください。`,
      en: `The certificate "${certFile}" and private key "${keyFile}" cannot be used (${errorText(error)}). Both must be PEM, and the key must be the certificate's own (without a passphrase).`,
    })
  }
  return { cert, key }
}

/** The TLS options of the server; throws EndpointStartError. */
export async function loadEndpointTls(
  certificate: LinkEndpointCertificate,
  secrets: SecretStore,
): Promise<PartnerListenerOptions['tls']> {
  return certificate.kind === 'pkcs12'
    ? pkcs12(certificate.file, secrets)
    : pem(certificate.certFile, certificate.keyFile)
}

/** A failed `listen` in plain words. */
export function listenFailed(error: unknown, bindAddress: string, port: number): EndpointStartError {
  const code = (error as NodeJS.ErrnoException).code ?? ''
  const where = `${bindAddress}:${port}`
  if (code === 'EADDRINUSE') {
    return new EndpointStartError({
      ja: `${where} は別のプログラムが使っています。そのプログラムを止めるか、別のアドレスかポートを選んでください。`,
      en: `${where} is in use by another program. Stop that program, or pick another address or port.`,
    })
  }
  if (code === 'EACCES') {
    return new EndpointStartError({
      ja: `ポート ${port} で待ち受ける権限がありません。1024 未満のポートには管理者権限（Linux では CAP_NET_BIND_SERVICE）が必要です。`,
      en: `No permission to listen on port ${port}. Ports below 1024 need administrator rights (CAP_NET_BIND_SERVICE on Linux).`,
    })
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new EndpointStartError({
      ja: `アドレス ${bindAddress} はこのマシンのアドレスではありません。0.0.0.0（すべて）か、このマシンのアドレスを指定してください。`,
      en: `${bindAddress} is not an address of this machine. Use 0.0.0.0 (all) or one of this machine's addresses.`,
    })
  }
  return new EndpointStartError({
    ja: `${where} で待ち受けられません（${code || errorText(error)}）。`,
    en: `Cannot listen on ${where} (${code || errorText(error)}).`,
  })
}
