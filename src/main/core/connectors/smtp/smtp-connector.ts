import { randomUUID } from 'node:crypto'
import { rootCertificates } from 'node:tls'
import { createTransport } from 'nodemailer'
import type { SmtpSecurity } from '../../../../shared/model/alerts'
import { ConnectorError } from '../connector-error'
import { redactorFor } from '../redaction'
import { bareAddress, buildJisMessage } from './iso-2022-jp'
import { smtpFailure } from './smtp-failures'

/** Where and how to deliver: the SMTP server and the envelope. */
export interface SmtpServer {
  readonly host: string
  readonly port: number
  /** none: plain text; starttls: upgrade required (refused if the server does not offer it); tls: TLS from the start (465). */
  readonly security: SmtpSecurity
  /** Empty: no sign-in. */
  readonly username: string
  /** From the keychain; only used with a user name. */
  readonly password: string | null
  /** PEM trusted besides the system's certificates (a self-signed server). */
  readonly trustedCertificate: string
}

export interface MailMessage {
  readonly from: string
  readonly to: readonly string[]
  readonly subject: string
  /** Plain text. */
  readonly text: string
  /** utf-8 (default) or iso-2022-jp for older Japanese mail clients. */
  readonly charset?: 'utf-8' | 'iso-2022-jp'
  /** Without angle brackets; stable across retries so a repeat can be recognised. Default: nodemailer's. */
  readonly messageId?: string
  /** The Date header (injected time); default: now. */
  readonly date?: Date
}

/** An alert must not hold an engine's shutdown for minutes: each step gets this long. */
const timeoutMs = 15_000

export type SmtpTransport = ReturnType<typeof createTransport>

/** `pooled`: one connection kept for the messages that follow, until the transport is closed. */
export function transportFor(server: SmtpServer, pooled = false): SmtpTransport {
  const signIn = server.username !== '' && server.password !== null
  return createTransport({
    ...(pooled ? { pool: true, maxConnections: 1 } : {}),
    host: server.host.replace(/^\[(.*)\]$/, '$1'),
    port: server.port,
    secure: server.security === 'tls',
    requireTLS: server.security === 'starttls',
    ignoreTLS: server.security === 'none',
    ...(signIn ? { auth: { user: server.username, pass: server.password! } } : {}),
    // Certificates are always checked; an admin's own CA is added, never "accept anything".
    tls: {
      rejectUnauthorized: true,
      // `ca` replaces Node's authorities: keep them, so a trusted certificate adds to them.
      ...(server.trustedCertificate ? { ca: [...rootCertificates, server.trustedCertificate] } : {}),
    },
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    // Nodemailer's logger would print the AUTH exchange: it stays off.
    logger: false,
    debug: false,
  })
}

/**
 * Sends one plain-text message over SMTP (RFC 5321), one connection per message: alerts are rare, and a
 * pooled connection would hold a socket open for nothing (the notice relay keeps one: `SmtpSessions`).
 * Failures are `ConnectorError`s in plain language; the password never appears in them.
 */
export async function sendMail(
  server: SmtpServer,
  message: MailMessage,
): Promise<{ readonly accepted: number; readonly response: string }> {
  const transport = transportFor(server)
  try {
    return await sendOver(transport, server, message)
  } finally {
    transport.close()
  }
}

/** One message over a transport (one-shot or pooled), its failure mapped to a `ConnectorError`. */
export async function sendOver(
  transport: SmtpTransport,
  server: SmtpServer,
  message: MailMessage,
): Promise<{ readonly accepted: number; readonly response: string }> {
  const redact = redactorFor(server.password ? [server.password] : [])
  try {
    const info = await transport.sendMail({
      ...(message.charset === 'iso-2022-jp'
        ? {
            envelope: { from: bareAddress(message.from), to: [...message.to] },
            raw: buildJisMessage({
              ...message,
              messageId: message.messageId ?? `${randomUUID()}@renkei`,
              date: message.date ?? new Date(),
            }),
          }
        : {
            from: message.from,
            to: [...message.to],
            subject: message.subject,
            text: message.text,
            ...(message.messageId ? { messageId: `<${message.messageId}>` } : {}),
            ...(message.date ? { date: message.date } : {}),
          }),
      // Never read files or URLs named in a message: alert text quotes servers and users.
      disableFileAccess: true,
      disableUrlAccess: true,
    })
    return { accepted: info.accepted.length, response: redact(String(info.response ?? '')) }
  } catch (error) {
    if (error instanceof ConnectorError) throw error
    // Nodemailer keeps the system's code (ECONNREFUSED, ...) as originalCode beside its own.
    const failure = error as {
      code?: string
      originalCode?: string
      responseCode?: number
      response?: string
    }
    const answer = redact(failure.response ?? (error instanceof Error ? error.message : String(error)))
    throw smtpFailure(
      server,
      failure.code ?? null,
      failure.originalCode ?? null,
      failure.responseCode ?? null,
      answer,
    )
  }
}
