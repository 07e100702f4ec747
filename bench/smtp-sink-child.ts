/**
 * The notice relay bench's SMTP server, in a process of its own so its work is not timed as the relay's
 * (and does not slow the calendar runs measured beside the drain). Prints `port N`, then `id <Message-ID>`
 * for each message before accepting it; ends on SIGTERM.
 */
import { SMTPServer } from 'smtp-server'

const server = new SMTPServer({
  logger: false,
  // A reverse DNS lookup per connection is the sink's cost, not the relay's.
  disableReverseLookup: true,
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  onData(stream, _session, callback) {
    let head = ''
    stream.on('data', (chunk: Buffer) => {
      if (head.length < 4096) head += chunk.toString('latin1')
    })
    stream.on('end', () => {
      process.stdout.write(`id ${/^Message-ID: *(\S+)/im.exec(head)?.[1] ?? ''}\n`, () => callback())
    })
  },
})
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`port ${(server.server.address() as { port: number }).port}\n`)
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))
