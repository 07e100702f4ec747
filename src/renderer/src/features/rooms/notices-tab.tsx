import type { ReactNode } from 'react'
import { useState } from 'react'
import { memberNoticeStates, type MemberNoticeState } from '../../../../shared/model/rooms'
import { Busy, EmptyState, ErrorBanner } from '../../components/messages'
import { Section } from '../../components/section'
import { useLanguage, useT } from '../../i18n'
import { api } from '../../lib/api'
import { formatDateTime } from '../../lib/format'
import { useApiLoad } from '../../lib/use-api-load'
import { ConfirmAction } from './confirm-action'
import { useRoomsChanged } from './use-rooms-changed'

/** メンバ追加通知: notices by state; 「通知メールを送信」 sends every pending one (asks first, shows the result). */
export function NoticesTab(): ReactNode {
  const t = useT()
  const language = useLanguage()
  const changed = useRoomsChanged()
  const [state, setState] = useState<MemberNoticeState>('pending')
  const [sends, setSends] = useState(0)
  const list = useApiLoad(() => api['rooms.notices.list']({ state }), [state, changed, sends])
  const notices = list.value ?? []
  return (
    <Section title={t('rooms.tab.notices')} testId="rooms-notices">
      <p className="note">{t('rooms.notices.intro')}</p>
      <div className="form-actions">
        <div className="filter-pills" role="radiogroup" aria-label={t('rooms.notices.state')}>
          {memberNoticeStates.map((s) => (
            <label key={s} className={s === state ? 'filter-pill filter-pill-current' : 'filter-pill'}>
              <input
                type="radio"
                name="room-notice-state"
                checked={s === state}
                data-testid={`room-notices-state-${s}`}
                onChange={() => setState(s)}
              />
              {t(`rooms.noticeState.${s}`)}
            </label>
          ))}
        </div>
        {list.busy ? <Busy label={t('app.loading')} /> : null}
      </div>
      <ErrorBanner message={list.error} />
      {list.value && notices.length === 0 ? (
        <EmptyState title={t('rooms.notices.empty')} testId="room-notices-empty" />
      ) : null}
      {notices.length > 0 ? (
        <table className="grid rooms-table" data-testid="room-notices-table">
          <thead>
            <tr>
              <th scope="col">{t('rooms.notices.registered')}</th>
              <th scope="col">{t('rooms.col.name')}</th>
              <th scope="col">{t('rooms.notices.cause')}</th>
              <th scope="col">{t('rooms.notices.added')}</th>
              <th scope="col">{t('rooms.notices.recipients')}</th>
              <th scope="col">{t('rooms.notices.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {notices.map((n) => (
              <tr key={n.id} data-testid="room-notice-row" data-state={n.state}>
                <td className="nowrap">{formatDateTime(n.registeredAt)}</td>
                <td>
                  {n.communityName} <span className="muted">({n.communityCode})</span>
                </td>
                <td className="nowrap">{t(`rooms.cause.${n.cause}`)}</td>
                <td>{n.addedMembers.join(', ')}</td>
                <td className="number">{n.recipients}</td>
                <td>
                  {n.finishedAt === null ? '' : `${formatDateTime(n.finishedAt)} `}
                  {n.detail?.[language] ?? ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <ConfirmAction
        label={t('rooms.notices.send')}
        question={t('rooms.notices.confirm')}
        busyLabel={t('rooms.notices.sending')}
        testId="rooms-send-notices"
        disabled={!list.value}
        act={async () => {
          const result = await api['rooms.notices.send']({})
          setSends((n) => n + 1)
          return result.outcome
        }}
      />
    </Section>
  )
}
