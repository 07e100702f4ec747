import { v1Initial } from './001-initial'
import { v2SiteLevelIndex } from './002-site-level-index'
import { v3Directory } from './003-directory'
import { v4Calendar } from './004-calendar'
import { v5DirectoryOwnership } from './005-directory-ownership'
import { v6CalendarParseMemory } from './006-calendar-parse-memory'
import { v7HistoryFts } from './007-history-fts'
import { v8HomeLeavers } from './008-home-leavers'
import { v9SiteLinks } from './009-site-links'
import { v10LinkOutbox } from './010-link-outbox'
import { v11LinkNonces } from './011-link-nonces'
import { v12Presence } from './012-presence'
import { v13LinkVisits } from './013-link-visits'
import { v14HomeFingerprintHash } from './014-home-fingerprint-hash'
import { v15Notices } from './015-notices'
import { v16Rooms } from './016-rooms'

/** Ordered schema steps; the database's user_version says how many are applied. Append, never edit. */
export const migrations: readonly string[] = [
  v1Initial,
  v2SiteLevelIndex,
  v3Directory,
  v4Calendar,
  v5DirectoryOwnership,
  v6CalendarParseMemory,
  v7HistoryFts,
  v8HomeLeavers,
  v9SiteLinks,
  v10LinkOutbox,
  v11LinkNonces,
  v12Presence,
  v13LinkVisits,
  v14HomeFingerprintHash,
  v15Notices,
  v16Rooms,
]
