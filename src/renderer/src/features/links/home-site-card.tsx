import type { ReactNode } from 'react'
import { Section } from '../../components/section'
import { formatCount, useLanguage, useT } from '../../i18n'
import { useLinksStore } from '../../stores/links-store'

/** ホームサイト: who this site is to its partners, and how many sites it is linked with. */
export function HomeSiteCard(): ReactNode {
  const t = useT()
  const language = useLanguage()
  const site = useLinksStore((s) => s.site)
  const list = useLinksStore((s) => s.list)
  if (!site || !list) return null
  const linked = list.links.filter((l) => l.state === 'linked').length
  return (
    <Section title={t('links.home')} testId="links-home">
      <dl className="link-facts">
        <dt>{t('links.site.company')}</dt>
        <dd data-testid="home-company">{site.companyName || t('links.site.unset')}</dd>
        <dt>{t('links.site.siteName')}</dt>
        <dd>{site.siteName ?? t('links.site.noSiteName')}</dd>
        <dt>{t('links.site.linkUrl')}</dt>
        <dd className="link-url">{site.linkUrl ?? t('links.site.unset')}</dd>
        <dt>{t('links.home.linked')}</dt>
        <dd data-testid="home-linked">{t('links.home.linkedCount', { count: formatCount(linked) })}</dd>
      </dl>
      {list.warning ? <p className="note warning-text">{list.warning[language]}</p> : null}
    </Section>
  )
}
