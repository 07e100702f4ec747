/**
 * A minimal SMTP NoticeSender (nodemailer, one pooled connection) for the queue's tests until the targets
 * part's real one is joined in: the message's Message-ID is the queue's stable id, as the real one sends it.
 */
import { createTransport } from 'nodemailer'
import type { NoticeTargetConfig } from '../../src/shared/model/notices'
import { smtpFailure } from '../../src/main/core/connectors/smtp/smtp-failures'
import type { NoticeSender } from '../../src/main/core/engines/notices/notice-ports'

export function smtpNoticeSender(target: NoticeTargetConfig): NoticeSender & { close(): void } {
  const smtp = target.smtp!
  const transport = createTransport({
    host: smtp.host,
    port: smtp.port,
    ignoreTLS: true,
    pool: true,
    maxConnections: 1,
    logger: false,
  })
  return {
    send: async (notice) => {
      try {
        const info = await transport.sendMail({
          from: smtp.from,
          to: notice.recipient.address,
          subject: notice.subject,
          text: notice.text,
          messageId: `<${notice.messageId}>`,
        })
        return { detail: info.response }
      } catch (error) {
        const failure = error as { code?: string; responseCode?: number; response?: string; message: string }
        throw smtpFailure(
          smtp,
          failure.code ?? null,
          null,
          failure.responseCode ?? null,
          failure.response ?? failure.message,
        )
      }
    },
    close: () => transport.close(),
  }
}

/** One sender per target, kept (one pooled connection each), as a target directory hands them out. */
export function smtpNoticeSenders(): {
  senderFor(target: NoticeTargetConfig): NoticeSender
  close(): void
} {
  const senders = new Map<string, ReturnType<typeof smtpNoticeSender>>()
  return {
    senderFor: (target) => {
      let sender = senders.get(target.id)
      if (!sender) senders.set(target.id, (sender = smtpNoticeSender(target)))
      return sender
    },
    close: () => {
      for (const sender of senders.values()) sender.close()
    },
  }
}
