import type { ReactNode } from 'react'
import { useState } from 'react'
import type { LinkFeeds } from '../../../../shared/model/sitelink'
import type { Localized } from '../../../../shared/model/localized'
import { ErrorBanner } from '../../components/messages'
import { Section } from '../../components/section'
import { useT } from '../../i18n'
import { api } from '../../lib/api'
import { toLocalized } from '../../lib/errors'

function CopyUrl({ url, label }: { readonly url: string; readonly label: string }): ReactNode {
  const t = useT()
  const [copied, setCopied] = useState(false)
  return (
    <button
      type="button"
      className="button button-small"
      aria-label={`${t('links.request.copy')} ${label}`}
      onClick={() => void navigator.clipboard.writeText(url).then(() => setCopied(true))}
    >
      {copied ? t('links.request.copied') : t('links.request.copy')}
    </button>
  )
}

/**
 * The partner's schedules as iCalendar feeds for the home groupware. The URLs are secrets (anyone with
 * one can read that feed), so they are fetched only when the admin asks and kept in this component.
 */
export function FeedsSection({ id }: { readonly id: string }): ReactNode {
  const t = useT()
  const [feeds, setFeeds] = useState<LinkFeeds | null>(null)
  const [error, setError] = useState<Localized | null>(null)
  const show = async (): Promise<void> => {
    try {
      setFeeds(await api['link.feeds']({ id }))
      setError(null)
    } catch (caught) {
      setError(toLocalized(caught))
    }
  }
  return (
    <Section title={t('links.feeds')} testId="detail-feeds">
      <p className="note">{t('links.feeds.note')}</p>
      <ErrorBanner message={error} />
      {feeds === null ? (
        <button type="button" className="button" data-testid="feeds-show" onClick={() => void show()}>
          {t('links.feeds.show')}
        </button>
      ) : (
        <table className="grid feeds-table" data-testid="feeds-table">
          <tbody>
            {[feeds.site, ...feeds.employees].map((feed) => (
              <tr key={feed.employeeKey ?? ''}>
                <th scope="row">{feed.employeeKey === null ? t('links.feeds.site') : feed.name}</th>
                <td className="link-url">{feed.url}</td>
                <td className="actions">
                  <CopyUrl url={feed.url} label={feed.name} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  )
}
