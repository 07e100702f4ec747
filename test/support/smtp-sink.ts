/**
 * A real SMTP server on 127.0.0.1 (the smtp-server package) that keeps every message it accepts, parsed
 * by mailparser — what an admin's mail relay would receive. Plain SMTP by default; with `tls` it offers
 * STARTTLS with that certificate; with `login` it requires AUTH; `refuseWith` answers every DATA with an
 * SMTP error (a relay refusing mail).
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export interface SinkMessage {
  readonly from: string
  readonly to: readonly string[]
  readonly mail: ParsedMail
  /** The message as it arrived (headers and body bytes), for checks of the wire form. */
  readonly raw: Buffer
  /** The SMTP connection it came over (smtp-server's session id): messages sharing one share this. */
  readonly connection: string
}

export interface SmtpSinkOptions {
  readonly tls?: SelfSignedCertificate
  readonly login?: { readonly user: string; readonly password: string }
  readonly refuseWith?: { readonly code: number; readonly text: string }
}

export interface SmtpSink {
  readonly port: number
  readonly messages: SinkMessage[]
  /** Resolves once `count` messages have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<SinkMessage[]>
  stop(): Promise<void>
}

export interface SelfSignedCertificate {
  readonly key: string
  readonly cert: string
}

/** A throwaway self-signed certificate for 127.0.0.1, made by openssl. */
export function selfSignedCertificate(): SelfSignedCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'renkei-smtp-cert-'))
  try {
    const result = spawnSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        'key.pem',
        '-out',
        'cert.pem',
        '-days',
        '2',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { cwd: dir, encoding: 'utf8' },
    )
    if (result.status !== 0) throw new Error(`openssl req failed: ${result.stderr}`)
    return {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function addressesOf(envelope: { mailFrom: false | { address: string }; rcptTo: { address: string }[] }): {
  from: string
  to: string[]
} {
  return {
    from: envelope.mailFrom ? envelope.mailFrom.address : '',
    to: envelope.rcptTo.map((r) => r.address),
  }
}

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: SinkMessage[] = []
  const waiters: (() => void)[] = []
  const server = new SMTPServer({
    logger: false,
    ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : { disabledCommands: ['STARTTLS'] }),
    authOptional: !options.login,
    // AUTH over plain text is fine on loopback in tests; production servers decide for themselves.
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      const ok = auth.username === options.login?.user && auth.password === options.login?.password
      callback(
        ok ? null : new Error('Invalid username or password'),
        ok ? { user: auth.username } : undefined,
      )
    },
    onData(stream, session, callback) {
      if (options.refuseWith) {
        stream.resume()
        stream.on('end', () =>
          callback(
            Object.assign(new Error(options.refuseWith!.text), { responseCode: options.refuseWith!.code }),
          ),
        )
        return
      }
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      new Promise<Buffer>((resolve, reject) => {
        stream.once('end', () => resolve(Buffer.concat(chunks)))
        stream.once('error', reject)
      })
        .then(async (raw) => ({ raw, mail: await simpleParser(raw) }))
        .then(({ raw, mail }) => {
          messages.push({ ...addressesOf(session.envelope), mail, raw, connection: session.id })
          for (const wake of waiters.splice(0)) wake()
          callback()
        })
        .catch(callback)
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const port = (server.server.address() as { port: number }).port
  return {
    port,
    messages,
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs
      while (messages.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} messages, got ${messages.length}`)
        await new Promise<void>((resolve) => {
          waiters.push(resolve)
          setTimeout(resolve, 100)
        })
      }
      return messages
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
