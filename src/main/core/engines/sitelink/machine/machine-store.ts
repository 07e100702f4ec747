/**
 * What this data directory knows of the machine it runs on (settings key `sitelink.machine`): the identity
 * an admin last confirmed, the different one seen since (and when), and whether the admin called this copy
 * a test copy. Only the identity digests are stored, never the OS machine id.
 */
import { z } from 'zod'
import { JsonSetting } from '../../../settings/json-setting'
import type { Db } from '../../../store/database'

const machineDocument = z
  .object({
    /** null until the first start that reads it (a new data directory, or an upgrade: not a change). */
    identity: z.string().nullable().default(null),
    detected: z.object({ identity: z.string(), at: z.number() }).nullable().default(null),
    testCopy: z.boolean().default(false),
  })
  .strict()
export type MachineDocument = z.output<typeof machineDocument>

export class MachineStore {
  private readonly doc: JsonSetting<typeof machineDocument>

  constructor(db: Db) {
    this.doc = new JsonSetting(db, 'sitelink.machine', machineDocument, {
      ja: '端末の識別情報',
      en: 'machine identity',
    })
  }

  get(): MachineDocument {
    return this.doc.get()
  }

  save(value: MachineDocument): void {
    this.doc.save(value)
  }
}
