import { v1Initial } from './001-initial'

/** Ordered schema steps; the database's user_version says how many are applied. Append, never edit. */
export const migrations: readonly string[] = [v1Initial]
