/**
 * A real SMTP server on 127.0.0.1 (smtp-server) that refuses one recipient at RCPT TO with 550 — a relay that
 * does not know a mailbox — and keeps every other message, parsed by mailparser. Shows a send that fails
 * half-way through a notice's mails.
 */
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export interface RefusingSmtp {
  readonly port: number
  readonly accepted: { readonly to: readonly string[]; readonly mail: ParsedMail }[]
  stop(): Promise<void>
}

export async function startRefusingSmtp(refused: string): Promise<RefusingSmtp> {
  const accepted: RefusingSmtp['accepted'] = []
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    onRcptTo(address, _session, callback) {
      if (address.address.toLowerCase() !== refused.toLowerCase()) return callback()
      callback(Object.assign(new Error(`5.1.1 <${refused}>: mailbox unknown`), { responseCode: 550 }))
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          accepted.push({ to: session.envelope.rcptTo.map((r) => r.address), mail })
          callback()
        })
        .catch(callback)
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  return {
    port: (server.server.address() as { port: number }).port,
    accepted,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
