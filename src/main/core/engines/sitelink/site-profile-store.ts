/**
 * This site's link profile (company, site name, link URL) and the admin name written into transitions,
 * as one JSON document in the settings table. All of it is public: partners see it when they link.
 */
import { userInfo } from 'node:os'
import { z } from 'zod'
import type { LinkSitePatch } from '../../../../shared/api'
import { ApiError } from '../../../../shared/model/errors'
import type { LinkSiteSettings, SiteProfile } from '../../../../shared/model/sitelink'
import { JsonSetting } from '../../settings/json-setting'
import type { Db } from '../../store/database'
import { parseLinkUrl } from '../../connectors/peer/link-url'

const siteDocument = z
  .object({
    companyName: z.string().default(''),
    siteName: z.string().nullable().default(null),
    linkUrl: z.string().nullable().default(null),
    adminName: z.string().nullable().default(null),
  })
  .strict()
type SiteDocument = z.output<typeof siteDocument>

/** The OS account name: the seed's registrant is the admin who clicked, and this is who is signed in. */
function osUserName(): string {
  try {
    return userInfo().username || 'admin'
  } catch {
    return 'admin'
  }
}

const blankToNull = (value: string | null | undefined): string | null | undefined =>
  value === '' ? null : value

export class SiteProfileStore {
  private readonly doc: JsonSetting<typeof siteDocument>

  constructor(db: Db) {
    this.doc = new JsonSetting(db, 'sitelink.site', siteDocument, { ja: 'サイト情報', en: 'site profile' })
  }

  settings(): LinkSiteSettings {
    const doc = this.doc.get()
    return {
      ...doc,
      effectiveAdminName: doc.adminName ?? osUserName(),
      ready: doc.companyName !== '' && doc.linkUrl !== null,
    }
  }

  /** The profile partners see; refuses (ja/en) while the company name or link URL is missing. */
  profile(): SiteProfile {
    const { companyName, siteName, linkUrl } = this.doc.get()
    if (companyName === '' || linkUrl === null) {
      throw new ApiError('invalid-input', {
        ja: '先にこのサイトの会社名とリンクURLを設定してください（サイト情報）。何も変更していません。',
        en: "Set this site's company name and link URL first (site profile). Nothing was changed.",
      })
    }
    return { companyName, siteName, linkUrl }
  }

  /** The name partners show for this site: the site name when set, else the company name (seed). */
  displayName(): string {
    const { companyName, siteName } = this.doc.get()
    return siteName ?? companyName
  }

  actor(): string {
    return this.settings().effectiveAdminName
  }

  update(patch: LinkSitePatch): { before: SiteDocument; after: SiteDocument } {
    const normalised = {
      ...patch,
      siteName: blankToNull(patch.siteName),
      adminName: blankToNull(patch.adminName),
      linkUrl: patch.linkUrl === undefined ? undefined : parseLinkUrl(patch.linkUrl),
    }
    const defined = Object.fromEntries(Object.entries(normalised).filter(([, v]) => v !== undefined))
    const { before, after } = this.doc.update(defined)
    return { before, after }
  }
}
