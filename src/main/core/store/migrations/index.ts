import { v1Initial } from './001-initial'
import { v2SiteLevelIndex } from './002-site-level-index'
import { v3Directory } from './003-directory'
import { v4Calendar } from './004-calendar'
import { v7HistoryFts } from './007-history-fts'

/** Ordered schema steps; the database's user_version says how many are applied. Append, never edit. */
export const migrations: readonly string[] = [
  v1Initial,
  v2SiteLevelIndex,
  v3Directory,
  v4Calendar,
  v7HistoryFts,
]
