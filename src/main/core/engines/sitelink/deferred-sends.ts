/**
 * 「今夜送る」 (seed: avoid 8:30–9:30 and 17:30–18:30 for a first link or a relink): the link's full send waits
 * until the chosen time. Kept in the settings table so a restart keeps the promise; until then the link is
 * left out of every send, and the nightly job sends it.
 */
import { z } from 'zod'
import type { JobDefinition } from '../../scheduler/job'
import { JsonSetting } from '../../settings/json-setting'
import type { Db } from '../../store/database'

const deferredDocument = z.object({ links: z.record(z.string(), z.number()).default({}) })

export const deferredSendJobId = 'sitelink.tonight'

export class DeferredSends {
  private readonly doc: JsonSetting<typeof deferredDocument>

  constructor(db: Db) {
    this.doc = new JsonSetting(db, 'sitelink.deferred-sends', deferredDocument, {
      ja: '夜間の送信予定',
      en: 'sends deferred to the night',
    })
  }

  defer(linkId: string, at: number): void {
    const { links } = this.doc.get()
    this.doc.save({ links: { ...links, [linkId]: at } })
  }

  /** True while the link's send still waits for its time. */
  waiting(linkId: string, now: number): boolean {
    const at = this.doc.get().links[linkId]
    return at !== undefined && at > now
  }

  /** The links whose time has come, forgotten as they are handed out. */
  due(now: number): string[] {
    const { links } = this.doc.get()
    const due = Object.keys(links).filter((id) => links[id]! <= now)
    if (due.length > 0) {
      this.doc.save({ links: Object.fromEntries(Object.entries(links).filter(([id]) => !due.includes(id))) })
    }
    return due
  }

  forget(linkId: string): void {
    const { links } = this.doc.get()
    if (!(linkId in links)) return
    this.doc.save({ links: Object.fromEntries(Object.entries(links).filter(([id]) => id !== linkId)) })
  }
}

/** Every night at 22:00 (the time the peak-hour question offers) the deferred links get their full send. */
export function createDeferredSendJob(
  deferred: DeferredSends,
  now: () => number,
  send: (linkId: string) => Promise<unknown>,
): JobDefinition {
  return {
    id: deferredSendJobId,
    title: { ja: 'リンク夜間送信', en: 'Site link night send' },
    schedule: { kind: 'daily', at: '22:00' },
    async run() {
      const due = deferred.due(now())
      for (const linkId of due) await send(linkId)
      return {
        outcome: 'ok',
        message: {
          ja: `夜間送信: ${due.length} サイト`,
          en: `Night send: ${due.length} sites`,
        },
      }
    },
  }
}
