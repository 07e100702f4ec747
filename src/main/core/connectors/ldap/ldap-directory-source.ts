import type { Entry } from 'ldapts'
import type { ConnectionCheckResult } from '../../../../shared/model/directory'
import type { LdapSourceConfig } from '../../../../shared/model/directory-config'
import { ConnectorError } from '../connector-error'
import type {
  DirectorySourceConnector,
  ReadProgress,
  SourceRead,
} from '../../engines/directory/directory-connectors'
import { guidAttributes, isGuidAttribute } from './ldap-ad'
import { failedCheck } from './ldap-errors'
import { LdapSnapshotBuilder } from './ldap-source-snapshot'
import { LdapSession, parseFilter, type LdapConnectorOptions, type PagedSearch } from './ldap-session'

/**
 * Reads the home directory from an LDAP server (OpenLDAP, Active Directory, 389-ds...): people under the
 * base DN, their departments and positions from attributes or from the OU tree, and groups by member DN.
 */
export class LdapDirectorySource implements DirectorySourceConnector {
  constructor(
    private readonly config: LdapSourceConfig,
    private readonly password: string,
    private readonly options: LdapConnectorOptions = {},
  ) {}

  async check(): Promise<ConnectionCheckResult> {
    let session: LdapSession | null = null
    try {
      session = await LdapSession.open(this.config, this.password, this.options)
      const { baseDn, groupBaseDn } = this.config
      await this.requireEntry(session, baseDn)
      if (groupBaseDn !== '') await this.requireEntry(session, groupBaseDn)
      const groups = groupBaseDn === '' ? '' : `、グループのベース DN「${groupBaseDn}」`
      const groupsEn = groupBaseDn === '' ? '' : ` and the group base DN "${groupBaseDn}"`
      return {
        ok: true,
        message: {
          ja: `${session.server} に接続でき、ベース DN「${baseDn}」${groups}が見つかりました。`,
          en: `Connected to ${session.server}; found the base DN "${baseDn}"${groupsEn}.`,
        },
        detail: null,
      }
    } catch (error) {
      return failedCheck(error)
    } finally {
      await session?.close()
    }
  }

  async read(signal: AbortSignal, onProgress?: (progress: ReadProgress) => void): Promise<SourceRead> {
    signal.throwIfAborted()
    const { baseDn, groupBaseDn, pageSize, attributes: a } = this.config
    const userFilter = parseFilter(this.config.userFilter)
    const groupFilter = groupBaseDn === '' ? null : parseFilter(this.config.groupFilter)
    const session = await LdapSession.open(this.config, this.password, this.options)
    try {
      const builder = new LdapSnapshotBuilder(this.config)
      const counter = { read: 0, signal, onProgress }
      const attributes = LdapSnapshotBuilder.userAttributes(this.config)
      const users = { filter: userFilter, attributes, pageSize, binary: binaryOf(attributes) }
      await readPages(session, baseDn, users, counter, (entry) => builder.addPerson(entry))
      if (groupFilter) {
        const groups = { filter: groupFilter, attributes: [a.groupName, a.groupMember], pageSize }
        await readPages(session, groupBaseDn, groups, counter, (entry) => builder.addGroup(entry))
      }
      return builder.build()
    } finally {
      await session.close()
    }
  }

  /** Reads `dn` itself (scope base): cheap, and a missing DN is named in the error. */
  private async requireEntry(session: LdapSession, dn: string): Promise<void> {
    if (await session.exists(dn)) return
    throw new ConnectorError('permanent', {
      ja: `DN「${dn}」はディレクトリにありません。設定の DN の綴りを確認してください。`,
      en: `The DN "${dn}" does not exist in the directory. Check the DN in the settings.`,
    })
  }
}

/**
 * GUID attributes among the requested ones, as requested and as AD spells them: ldapts matches these
 * names case-sensitively against the server's spelling.
 */
function binaryOf(attributes: readonly string[]): string[] {
  const guids = attributes.filter(isGuidAttribute)
  return guids.length === 0 ? [] : [...new Set([...guids, ...guidAttributes])]
}

interface PageCounter {
  read: number
  readonly signal: AbortSignal
  readonly onProgress: ((progress: ReadProgress) => void) | undefined
}

/** Feeds every entry to `onEntry`, reporting progress and honouring the abort signal after each page. */
async function readPages(
  session: LdapSession,
  base: string,
  search: PagedSearch,
  counter: PageCounter,
  onEntry: (entry: Entry) => void,
): Promise<void> {
  for await (const page of session.pages(base, search)) {
    for (const entry of page) onEntry(entry)
    counter.read += page.length
    counter.onProgress?.({ read: counter.read })
    counter.signal.throwIfAborted()
  }
}
