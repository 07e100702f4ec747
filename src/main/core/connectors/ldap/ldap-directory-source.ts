import type { ConnectionCheckResult } from '../../../../shared/model/directory'
import type { LdapSourceConfig } from '../../../../shared/model/directory-config'
import { ConnectorError } from '../connector-error'
import type {
  DirectorySourceConnector,
  ReadProgress,
  SourceRead,
} from '../../engines/directory/directory-connectors'
import { LdapSnapshotBuilder } from './ldap-source-snapshot'
import { LdapSession, parseFilter, type LdapConnectorOptions } from './ldap-session'

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
      const failure =
        error instanceof ConnectorError
          ? error
          : new ConnectorError('permanent', { ja: String(error), en: String(error) })
      return { ok: false, message: failure.localized, detail: failure.serverAnswer }
    } finally {
      await session?.close()
    }
  }

  async read(signal: AbortSignal, onProgress?: (progress: ReadProgress) => void): Promise<SourceRead> {
    signal.throwIfAborted()
    const userFilter = parseFilter(this.config.userFilter)
    const groupFilter = this.config.groupBaseDn === '' ? null : parseFilter(this.config.groupFilter)
    const session = await LdapSession.open(this.config, this.password, this.options)
    try {
      const builder = new LdapSnapshotBuilder(this.config)
      let read = 0
      const pages = session.pages(this.config.baseDn, {
        filter: userFilter,
        attributes: LdapSnapshotBuilder.userAttributes(this.config),
        pageSize: this.config.pageSize,
      })
      for await (const page of pages) {
        for (const entry of page) builder.addPerson(entry)
        read += page.length
        onProgress?.({ read })
        signal.throwIfAborted()
      }
      if (groupFilter) {
        const members = builder.memberIndex()
        const a = this.config.attributes
        const groupPages = session.pages(this.config.groupBaseDn, {
          filter: groupFilter,
          attributes: [a.groupName, a.groupMember],
          pageSize: this.config.pageSize,
        })
        for await (const page of groupPages) {
          for (const entry of page) builder.addGroup(entry, members)
          read += page.length
          onProgress?.({ read })
          signal.throwIfAborted()
        }
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
