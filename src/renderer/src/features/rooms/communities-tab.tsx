import type { FormEvent, ReactNode } from 'react'
import { Fragment, useEffect, useState } from 'react'
import type { Language } from '../../../../shared/model/localized'
import { roomStateLabels, type CommunityView, type RoomView } from '../../../../shared/model/rooms'
import { Busy, EmptyState, ErrorBanner } from '../../components/messages'
import { Section } from '../../components/section'
import { useLanguage, useT } from '../../i18n'
import { api } from '../../lib/api'
import { useApiLoad } from '../../lib/use-api-load'
import { RoomDefaultsTable } from './room-defaults-table'
import { useRoomsChanged } from './use-rooms-changed'

const pageSize = 100

/** One community's room: its 23 values of table F-2 with their rules, read when the row is opened. */
function CommunityDetail({ code }: { readonly code: string }): ReactNode {
  const t = useT()
  const preview = useApiLoad(() => api['rooms.preview']({ community: code }), [code])
  const rows = preview.value?.defaults?.rows
  return (
    <div className="room-detail" data-testid="community-detail">
      {preview.busy ? <Busy label={t('rooms.defaults.loading')} /> : null}
      <ErrorBanner message={preview.error} />
      {rows ? <RoomDefaultsTable rows={rows} /> : null}
      {preview.value && !rows ? <p className="note">{t('rooms.defaults.none')}</p> : null}
    </div>
  )
}

/** The room owner's name in the UI language (F-2 items 5 and 6), else the owner's id. */
function ownerName(room: RoomView, language: Language): string {
  const { ownerName: ja, ownerNameEn: en } = room.settings
  return (language === 'en' ? en || ja : ja) || room.ownerId
}

function CommunityRow(props: {
  readonly community: CommunityView
  readonly open: boolean
  readonly onToggle: () => void
}): ReactNode {
  const t = useT()
  const language = useLanguage()
  const { community: c, open } = props
  const room = c.room
  const detailId = `community-detail-${c.code}`
  return (
    <Fragment>
      <tr data-testid="community-row" data-community={c.code} className={c.deletedAt ? 'muted' : undefined}>
        <td>
          <button
            type="button"
            className="button-link room-open"
            aria-expanded={open}
            aria-controls={detailId}
            title={t(open ? 'rooms.communities.hide' : 'rooms.communities.show')}
            data-testid="community-open"
            onClick={props.onToggle}
          >
            <span aria-hidden="true">{open ? '▼' : '▶'}</span> {c.code}
          </button>
        </td>
        <td>{language === 'en' ? (c.nameEn ?? c.name) : c.name}</td>
        <td className="nowrap">{t(`rooms.source.${c.source}`)}</td>
        <td className="number">{c.members}</td>
        <td className="nowrap">{room ? roomStateLabels[room.settings.state][language] : '–'}</td>
        <td className="nowrap">{room ? `${room.settings.start} – ${room.settings.end}` : '–'}</td>
        <td className="nowrap">{room?.settings.viewEnd ?? '–'}</td>
        <td className="nowrap" data-testid="community-status">
          {c.deletedAt ? <div>{t('rooms.communities.deleted')}</div> : null}
          {room ? t(`rooms.status.${room.status}`) : c.deletedAt ? null : '–'}
          {room?.lastError ? <div className="error-text">{room.lastError[language]}</div> : null}
        </td>
        <td className="nowrap">{room ? ownerName(room, language) : c.creatorName || c.creator}</td>
      </tr>
      {open ? (
        <tr className="detail-row" id={detailId}>
          <td colSpan={9}>
            <CommunityDetail code={c.code} />
          </td>
        </tr>
      ) : null}
    </Fragment>
  )
}

/** コミュニティ: communities (marked groups and inbound ones) with their rooms; a row opens its 23 values. */
export function CommunitiesTab(): ReactNode {
  const t = useT()
  const changed = useRoomsChanged()
  const [typed, setTyped] = useState('')
  const [query, setQuery] = useState('')
  const [after, setAfter] = useState<string | undefined>(undefined)
  const [earlier, setEarlier] = useState<readonly CommunityView[]>([])
  const [open, setOpen] = useState<string | null>(null)
  const page = useApiLoad(
    () => api['rooms.communities.list']({ query: query || undefined, after, limit: pageSize }),
    [query, after, changed],
  )
  // A change in the rooms starts from the first page again, so no stale page stays above it.
  useEffect(() => {
    setAfter(undefined)
    setEarlier([])
  }, [changed])
  const search = (event: FormEvent): void => {
    event.preventDefault()
    setEarlier([])
    setAfter(undefined)
    setQuery(typed.trim())
  }
  const communities = [...earlier, ...(page.value?.communities ?? [])]
  return (
    <Section title={t('rooms.tab.communities')} testId="rooms-communities">
      <form className="form-actions" role="search" onSubmit={search}>
        <label>
          {t('rooms.communities.search')}{' '}
          <input
            type="search"
            value={typed}
            maxLength={200}
            data-testid="communities-query"
            onChange={(e) => setTyped(e.target.value)}
          />
        </label>
        <button type="submit" className="button button-small">
          {t('rooms.search')}
        </button>
        {page.busy ? <Busy label={t('app.loading')} /> : null}
      </form>
      <ErrorBanner message={page.error} />
      {page.value && communities.length === 0 ? (
        <EmptyState title={t('rooms.communities.empty')} testId="communities-empty">
          <p>{t('rooms.communities.emptyHint')}</p>
        </EmptyState>
      ) : null}
      {communities.length > 0 ? (
        <table className="grid rooms-table" data-testid="communities-table">
          <thead>
            <tr>
              <th scope="col">{t('rooms.col.code')}</th>
              <th scope="col">{t('rooms.col.name')}</th>
              <th scope="col">{t('rooms.col.source')}</th>
              <th scope="col">{t('rooms.col.members')}</th>
              <th scope="col">{t('rooms.col.state')}</th>
              <th scope="col">{t('rooms.col.period')}</th>
              <th scope="col">{t('rooms.col.viewEnd')}</th>
              <th scope="col">{t('rooms.col.status')}</th>
              <th scope="col">{t('rooms.col.owner')}</th>
            </tr>
          </thead>
          <tbody>
            {communities.map((c) => (
              <CommunityRow
                key={c.code}
                community={c}
                open={open === c.code}
                onToggle={() => setOpen(open === c.code ? null : c.code)}
              />
            ))}
          </tbody>
        </table>
      ) : null}
      {page.value?.nextAfter != null ? (
        <div className="pager">
          <button
            type="button"
            className="button button-small"
            data-testid="communities-more"
            onClick={() => {
              setEarlier(communities)
              setAfter(page.value!.nextAfter!)
            }}
          >
            {t('rooms.more')}
          </button>
        </div>
      ) : null}
    </Section>
  )
}
