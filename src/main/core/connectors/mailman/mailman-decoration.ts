/**
 * Header and footer decoration. Mailman 3 keeps no decoration text itself: the list's templates
 * `list:member:regular:header` / `…:footer` are URIs (file:, http:, https: or mailman:) that Mailman fetches
 * when it delivers a post, and caches by URI for 7 days. So the text is published somewhere Mailman can
 * read, under a name derived from its contents: a changed text gets a new URI, which Mailman must fetch.
 */
import { createHash } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { isAbsolute, join } from 'node:path'
import { ConnectorError } from '../connector-error'
import { mailmanMessages } from './mailman-messages'

export type DecorationPart = 'header' | 'footer'

export const templateNames: Record<DecorationPart, string> = {
  header: 'list:member:regular:header',
  footer: 'list:member:regular:footer',
}

/** Where decoration texts go so Mailman can fetch them. Another publisher (an HTTPS endpoint) can come later. */
export interface DecorationPublisher {
  /** Makes `text` readable by Mailman and returns the URI to set; a different text gives a different URI. */
  publish(listId: string, part: DecorationPart, text: string): Promise<string>
}

/**
 * Mailman expands $display_name, $listname, … in templates (Python's safe_substitute): "$$" keeps a "$"
 * that belongs to the admin's text, such as a price or a URL.
 */
export const templateText = (text: string): string => text.replaceAll('$', '$$$$')

/** Paths Mailman opens verbatim: it takes the file: URI's path without percent-decoding it. */
const plainPath = /^\/[A-Za-z0-9/._-]*$/

/**
 * Writes each text into `dir/<list id>/<part>-<hash>.txt` and hands Mailman a file:// URI. For Mailman on
 * the same machine as Renkei (or a folder both see under the same path); the files must stay as long as the
 * list uses them. Tested against Debian's Mailman 3.3.8.
 */
export class FileDecorationPublisher implements DecorationPublisher {
  constructor(private readonly dir: string) {
    if (!isAbsolute(dir) || !plainPath.test(dir))
      throw new ConnectorError('permanent', mailmanMessages.badTemplateDir(dir))
  }

  async publish(listId: string, part: DecorationPart, text: string): Promise<string> {
    const content = templateText(text)
    const hash = createHash('sha256').update(content).digest('hex').slice(0, 16)
    const folder = join(this.dir, listId)
    // Mailman may run as its own user ("list"): it must be able to read what Renkei writes.
    await mkdir(folder, { recursive: true, mode: 0o755 })
    const file = join(folder, `${part}-${hash}.txt`)
    await writeFile(file, content, { encoding: 'utf8', mode: 0o644 })
    return `file://${file}`
  }
}
