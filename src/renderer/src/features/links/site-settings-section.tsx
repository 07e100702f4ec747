import type { FormEvent, ReactNode } from 'react'
import { useState } from 'react'
import type { LinkSiteSettings } from '../../../../shared/model/sitelink'
import { ErrorBanner } from '../../components/messages'
import { Section } from '../../components/section'
import { useT } from '../../i18n'
import { useLinksStore } from '../../stores/links-store'
import { TextFieldRow } from '../../components/field-rows'

interface Draft {
  readonly companyName: string
  readonly siteName: string
  readonly linkUrl: string
  readonly adminName: string
}

const draftOf = (site: LinkSiteSettings): Draft => ({
  companyName: site.companyName,
  siteName: site.siteName ?? '',
  linkUrl: site.linkUrl ?? '',
  adminName: site.adminName ?? '',
})

function SiteForm({ site }: { readonly site: LinkSiteSettings }): ReactNode {
  const t = useT()
  const busy = useLinksStore((s) => s.busy)
  const error = useLinksStore((s) => s.siteError)
  const hasPartners = useLinksStore((s) => (s.list?.activeCount ?? 0) > 0)
  const [draft, setDraft] = useState(() => draftOf(site))
  const set = (key: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }))
  const urlChanged = draft.linkUrl.trim() !== (site.linkUrl ?? '')
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    void useLinksStore.getState().saveSite({
      companyName: draft.companyName,
      siteName: draft.siteName,
      ...(draft.linkUrl.trim() ? { linkUrl: draft.linkUrl } : {}),
      adminName: draft.adminName,
    })
  }
  return (
    <form onSubmit={submit}>
      <table className="form-table">
        <tbody>
          <TextFieldRow
            label={t('links.site.company')}
            value={draft.companyName}
            testId="site-company"
            onChange={set('companyName')}
          />
          <TextFieldRow
            label={t('links.site.siteName')}
            value={draft.siteName}
            hint={t('links.site.siteNameHint')}
            testId="site-name"
            onChange={set('siteName')}
          />
          <TextFieldRow
            label={t('links.site.linkUrl')}
            value={draft.linkUrl}
            hint={t('links.site.linkUrlHint')}
            placeholder="https://renkei.example.co.jp/"
            testId="site-url"
            onChange={set('linkUrl')}
          />
          <TextFieldRow
            label={t('links.site.adminName')}
            value={draft.adminName}
            hint={t('links.site.adminNameHint')}
            placeholder={site.effectiveAdminName}
            testId="site-admin"
            onChange={set('adminName')}
          />
        </tbody>
      </table>
      {urlChanged && hasPartners ? (
        <p className="note warning-text">{t('links.site.urlChangeNote')}</p>
      ) : null}
      <ErrorBanner message={error} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="site-save">
          {t('links.site.save')}
        </button>
      </div>
    </form>
  )
}

/** This site's profile as partners see it (the partner endpoint has its own section below). */
export function SiteSettingsSection(): ReactNode {
  const t = useT()
  const site = useLinksStore((s) => s.site)
  if (!site) return null
  return (
    <Section title={t('links.site')} testId="links-site">
      {/* Saved values arriving from elsewhere start the form afresh. */}
      <SiteForm key={JSON.stringify(site)} site={site} />
    </Section>
  )
}
