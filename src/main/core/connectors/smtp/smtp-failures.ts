import type { Localized } from '../../../../shared/model/localized'
import { ConnectorError, type ConnectorErrorKind } from '../connector-error'

interface ServerName {
  readonly host: string
  readonly port: number
}

const certificateProblem = /certificate|self[- ]signed|CERT_|unable to verify/i

function failure(kind: ConnectorErrorKind, text: Localized, answer: string): ConnectorError {
  return new ConnectorError(kind, text, answer)
}

/** A refused or broken TLS session: the certificate is the usual reason, and what to do differs. */
function tlsFailure(where: string, answer: string): ConnectorError {
  if (certificateProblem.test(answer)) {
    return failure(
      'permanent',
      {
        ja: `SMTP サーバー ${where} の証明書を信頼できません（自己署名または不明な認証局）。正しい証明書をサーバーに設定するか、その証明書を「信頼する証明書」に貼り付けてください。`,
        en: `The certificate of the SMTP server ${where} is not trusted (self-signed or an unknown authority). Give the server a proper certificate, or paste its certificate into "Trusted certificate".`,
      },
      answer,
    )
  }
  return failure(
    'permanent',
    {
      ja: `SMTP サーバー ${where} と暗号化（TLS）で接続できません。「暗号化」の設定（STARTTLS / TLS / なし）とポートがサーバーに合っているか確認してください。`,
      en: `Could not set up encryption (TLS) with the SMTP server ${where}. Check that "Security" (STARTTLS / TLS / none) and the port match the server.`,
    },
    answer,
  )
}

/**
 * Nodemailer's error codes (and the SMTP reply code) as plain advice: what failed and what to change.
 * `answer` is the server's reply or the socket's message, with the password already cut.
 */
export function smtpFailure(
  server: ServerName,
  code: string | null,
  socketCode: string | null,
  responseCode: number | null,
  answer: string,
): ConnectorError {
  const where = `${server.host}:${server.port}`
  if (code === 'ETLS' || (code === 'ESOCKET' && certificateProblem.test(answer)))
    return tlsFailure(where, answer)
  if (code === 'EAUTH' || code === 'ENOAUTH' || responseCode === 535) {
    return failure(
      'auth',
      {
        ja: `SMTP サーバー ${where} がユーザー名またはパスワードを受け付けませんでした。ユーザー名と、キーチェーンのパスワードを確認してください。`,
        en: `The SMTP server ${where} refused the user name or password. Check the user name and the password in the keychain.`,
      },
      answer,
    )
  }
  if (code === 'EENVELOPE' || (responseCode !== null && responseCode >= 500)) {
    return failure(
      'permanent',
      {
        ja: `SMTP サーバー ${where} がメールを受け付けませんでした（${responseCode ?? code}）。差出人・宛先のアドレスと、サーバーが中継を許しているかを確認してください。`,
        en: `The SMTP server ${where} refused the message (${responseCode ?? code}). Check the sender and recipient addresses and that the server relays for Renkei.`,
      },
      answer,
    )
  }
  if (code === 'ETIMEDOUT' || socketCode === 'ETIMEDOUT') {
    return failure(
      'transient',
      {
        ja: `SMTP サーバー ${where} から応答がありません（タイムアウト）。ホスト名・ポートとファイアウォールを確認してください。`,
        en: `No answer from the SMTP server ${where} (timed out). Check the host name, the port and any firewall.`,
      },
      answer,
    )
  }
  return failure(
    'transient',
    {
      ja: `SMTP サーバー ${where} に送信できませんでした（${socketCode ?? code ?? responseCode ?? 'error'}）。ホスト名・ポート・暗号化の設定と、サーバーが動いているかを確認してください。`,
      en: `Could not send through the SMTP server ${where} (${socketCode ?? code ?? responseCode ?? 'error'}). Check the host name, port and security settings, and that the server is running.`,
    },
    answer,
  )
}
