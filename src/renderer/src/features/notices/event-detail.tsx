import type { ReactNode } from 'react'
import { noticeFields } from '../../../../shared/model/notices'
import { Busy, ErrorBanner } from '../../components/messages'
import { Section } from '../../components/section'
import { useT } from '../../i18n'
import { api } from '../../lib/api'
import { formatDateTime } from '../../lib/format'
import { routeHash } from '../../lib/routes'
import { useApiLoad } from '../../lib/use-api-load'
import { MessageTable } from './message-table'
import { kindLabel } from './notice-labels'
import { useNoticeChanged } from './use-notice-changed'

/** One event: where it came from, its fields as the groupware gave them, and each message's state. */
export function EventDetail({ row }: { readonly row: number }): ReactNode {
  const t = useT()
  const changed = useNoticeChanged()
  const detail = useApiLoad(() => api['notice.events.get']({ row }), [row, changed])
  const value = detail.value
  return (
    <Section title={t('notices.events.detail', { row })} testId="notice-event-detail">
      <p>
        <a href={routeHash({ screen: 'notices', view: { tab: 'events' } })} data-testid="event-back">
          {t('notices.events.back')}
        </a>
      </p>
      <ErrorBanner message={detail.error} />
      {detail.busy && !value ? <Busy label={t('app.loading')} /> : null}
      {value ? (
        <>
          <dl className="link-facts">
            <dt>{t('notices.events.kind')}</dt>
            <dd data-testid="event-kind">{t(kindLabel(value.event.kind))}</dd>
            <dt>{t('notices.events.source')}</dt>
            <dd>
              <code>{value.event.source}</code> / <code>{value.event.eventId}</code>
            </dd>
            <dt>{t('notices.events.occurred')}</dt>
            <dd>{formatDateTime(value.event.occurredAt)}</dd>
            <dt>{t('notices.events.received')}</dt>
            <dd>{formatDateTime(value.event.receivedAt)}</dd>
            <dt>{t('notices.events.addressees')}</dt>
            <dd>{value.event.addressees.join(', ') || '—'}</dd>
          </dl>
          {value.event.unknownAddressees.length > 0 ? (
            <p className="banner banner-error" role="alert" data-testid="event-unknown">
              {t('notices.events.unknown', { list: value.event.unknownAddressees.join(', ') })}
            </p>
          ) : null}
          <h3 className="sub-heading">{t('notices.events.fields')}</h3>
          <table className="form-table" data-testid="event-fields">
            <tbody>
              {noticeFields
                .filter((f) => value.fields[f] !== undefined)
                .map((f) => (
                  <tr key={f}>
                    <th scope="row">{t(`notices.field.${f}`)}</th>
                    <td className="notice-field-value">{value.fields[f]}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          <h3 className="sub-heading">{t('notices.events.messages')}</h3>
          {value.messages.length === 0 ? (
            <p className="muted">{t('notices.events.noMessages')}</p>
          ) : (
            <MessageTable messages={value.messages} />
          )}
        </>
      ) : null}
    </Section>
  )
}
