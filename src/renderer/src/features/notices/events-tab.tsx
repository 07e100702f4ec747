import type { ReactNode } from 'react'
import { useState } from 'react'
import { noticeMessageStates, type NoticeEventView } from '../../../../shared/model/notices'
import { Busy, EmptyState, ErrorBanner } from '../../components/messages'
import { Section } from '../../components/section'
import { useT } from '../../i18n'
import { api } from '../../lib/api'
import { formatDateTime } from '../../lib/format'
import { routeHash } from '../../lib/routes'
import { useApiLoad } from '../../lib/use-api-load'
import { EventDetail } from './event-detail'
import { kindLabel, stateLabel } from './notice-labels'
import { useNoticeChanged } from './use-notice-changed'

function EventRow({ event }: { readonly event: NoticeEventView }): ReactNode {
  const t = useT()
  return (
    <tr data-testid="event-row" data-row={event.row}>
      <td className="nowrap">
        <a
          href={routeHash({ screen: 'notices', view: { tab: 'events', row: event.row } })}
          data-testid="event-open"
        >
          {formatDateTime(event.receivedAt)}
        </a>
      </td>
      <td>{t(kindLabel(event.kind))}</td>
      <td>{event.title ?? '—'}</td>
      <td>
        <code>{event.source}</code>
      </td>
      <td>
        {t('notices.events.addresseeCount', { count: event.addressees.length })}
        {event.unknownAddressees.length > 0 ? (
          <div className="warning-text" data-testid="event-unknown-count">
            {t('notices.events.unknownCount', { count: event.unknownAddressees.length })}
          </div>
        ) : null}
      </td>
      <td className="nowrap" data-testid="event-messages">
        {noticeMessageStates
          .filter((s) => event.messages[s] > 0)
          .map((s) => (
            <div key={s}>
              <span className={`notice-state notice-state-${s}`}>{t(stateLabel(s))}</span> {event.messages[s]}
            </div>
          ))}
      </td>
    </tr>
  )
}

function EventList(): ReactNode {
  const t = useT()
  const changed = useNoticeChanged()
  const [before, setBefore] = useState<number | undefined>(undefined)
  const page = useApiLoad(() => api['notice.events.list']({ before, limit: 100 }), [before, changed])
  const events = page.value?.events ?? []
  return (
    <Section title={t('notices.tab.events')} testId="notice-events">
      <ErrorBanner message={page.error} />
      {page.busy && !page.value ? <Busy label={t('app.loading')} /> : null}
      {page.value && events.length === 0 ? (
        <EmptyState title={t('notices.events.empty')} testId="events-empty" />
      ) : null}
      {events.length > 0 ? (
        <table className="grid notice-grid" data-testid="events-table">
          <thead>
            <tr>
              <th scope="col">{t('notices.events.received')}</th>
              <th scope="col">{t('notices.events.kind')}</th>
              <th scope="col">{t('notices.events.title')}</th>
              <th scope="col">{t('notices.events.source')}</th>
              <th scope="col">{t('notices.events.addressees')}</th>
              <th scope="col">{t('notices.events.messages')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <EventRow key={e.row} event={e} />
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="pager">
        <button
          type="button"
          className="button button-small"
          disabled={before === undefined}
          onClick={() => setBefore(undefined)}
        >
          {t('notices.newest')}
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={page.value?.nextBefore == null}
          onClick={() => setBefore(page.value!.nextBefore!)}
        >
          {t('notices.older')}
        </button>
      </div>
    </Section>
  )
}

/** 履歴: every event with its addressees and message counts; one event's delivery at `#/notices/events/<row>`. */
export function EventsTab({ row }: { readonly row?: number }): ReactNode {
  return row === undefined ? <EventList /> : <EventDetail row={row} />
}
