import type { FormEvent, ReactNode } from 'react'
import { useState } from 'react'
import type { LinkRequestPreview, LinkSiteSettings } from '../../../../shared/model/sitelink'
import { ErrorBanner } from '../../components/messages'
import { Section } from '../../components/section'
import { useLanguage, useT } from '../../i18n'
import { formatDateTimeWithWeekday } from '../../lib/format'
import { useLinksStore } from '../../stores/links-store'

/** Who asked (seed: check it; do not accept a request you do not recognise). */
function PreviewFacts({ preview }: { readonly preview: LinkRequestPreview }): ReactNode {
  const t = useT()
  const language = useLanguage()
  const { partner } = preview
  return (
    <dl className="link-facts" data-testid="accept-preview">
      <dt>{t('links.site.company')}</dt>
      <dd>{partner.companyName}</dd>
      <dt>{t('links.site.siteName')}</dt>
      <dd>{partner.siteName ?? t('links.site.noSiteName')}</dd>
      <dt>{t('links.site.linkUrl')}</dt>
      <dd className="link-url">{partner.linkUrl}</dd>
      <dt>{t('links.accept.requester')}</dt>
      <dd>{preview.requester}</dd>
      <dt>{t('links.accept.requestedAt')}</dt>
      <dd>{formatDateTimeWithWeekday(preview.requestedAt, language)}</dd>
      <dt>{t('links.detail.keyId')}</dt>
      <dd className="link-url">{preview.partnerKeyId}</dd>
    </dl>
  )
}

/** Seed: what 受諾 publishes to the requester, with this site's own values. */
function Publishes({ site }: { readonly site: LinkSiteSettings }): ReactNode {
  const t = useT()
  return (
    <div className="note-box" data-testid="accept-publishes">
      <p>{t('links.accept.publishes')}</p>
      <ul>
        <li>{t('links.accept.pub.company', { value: site.companyName })}</li>
        <li>{t('links.accept.pub.site', { value: site.siteName ?? site.companyName })}</li>
        <li>{t('links.accept.pub.url', { value: site.linkUrl ?? '' })}</li>
        <li>{t('links.accept.pub.registrant', { value: site.effectiveAdminName })}</li>
        <li>{t('links.accept.pub.time')}</li>
      </ul>
    </div>
  )
}

/** 「連携を受諾」 (seed Step2.受諾): paste the URL, 「読み込み」 shows who asked, 「受諾」 links. */
export function AcceptSection(): ReactNode {
  const t = useT()
  const site = useLinksStore((s) => s.site)
  const preview = useLinksStore((s) => s.preview)
  const error = useLinksStore((s) => s.acceptError)
  const busy = useLinksStore((s) => s.busy)
  const { loadPreview, accept, clearPreview } = useLinksStore.getState()
  const [url, setUrl] = useState('')
  if (!site) return null
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    void loadPreview(url)
  }
  return (
    <Section title={t('links.accept')} testId="links-accept">
      <p className="note-box">{t('links.accept.loadNote')}</p>
      <form className="accept-form" onSubmit={submit}>
        <label className="request-url-row">
          <span>{t('links.site.linkUrl')}</span>
          <input
            type="text"
            value={url}
            data-testid="accept-url"
            onChange={(e) => {
              setUrl(e.target.value)
              if (preview || error) clearPreview()
            }}
          />
        </label>
        <button type="submit" className="button" data-testid="accept-load" disabled={busy || !url.trim()}>
          {t('links.accept.load')}
        </button>
      </form>
      <ErrorBanner message={error} />
      {preview ? (
        <>
          <PreviewFacts preview={preview} />
          <Publishes site={site} />
          <div className="form-actions">
            <button
              type="button"
              className="button button-primary"
              data-testid="accept-confirm"
              disabled={busy || !site.ready}
              onClick={() => void accept(url)}
            >
              {t('links.accept.confirm')}
            </button>
          </div>
        </>
      ) : null}
    </Section>
  )
}
