import type { EngineContext } from '../engine-context'

/** What every part of room provisioning may use; built once in the composition root (fetch: Mailman's REST API). */
export interface RoomContext extends EngineContext {
  /** The site's time zone for "today" when a creator has none. */
  readonly timeZone: () => string
  /** Renkei's data directory: the default home of the header/footer texts Mailman reads (file:// URIs). */
  readonly dataDir?: string
}
