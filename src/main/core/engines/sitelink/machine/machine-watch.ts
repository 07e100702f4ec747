/**
 * Test copies (seed: a copied database must be paused, or what is saved there reaches the partner). At
 * start, before any send can run, the data directory's machine identity is compared with the stored one;
 * a new one pauses every linked link through the normal pause path (the partner is told, so it sees the
 * pause). The new identity is stored only when the admin confirms 「この端末で再開」.
 */
import type { MachineIdentityState } from '../../../../../shared/model/sitelink-rules'
import { ApiError } from '../../../../../shared/model/errors'
import { writeAudit } from '../../../audit'
import { linkCategory, partnerName, type LinkContext } from '../link-context'
import { actOnLink } from '../link-lifecycle'
import type { StoredLink } from '../link-repository'
import type { MachineIdentity } from '../sitelink-ports'
import {
  alreadyTestCopy,
  changedWarning,
  keptAsTestCopy,
  nothingToConfirm,
  resumedHere,
} from './machine-messages'
import type { MachineStore } from './machine-store'

export type MachineAction = 'resume-here' | 'keep-paused'

const pausedForMachine = (link: StoredLink): boolean =>
  link.state === 'linked' && link.pauseReason === 'machine'

export class MachineWatch {
  constructor(
    private readonly ctx: LinkContext,
    private readonly store: MachineStore,
    private readonly identity: MachineIdentity,
  ) {}

  /** Call once at start, before the scheduler or the partner endpoint runs. */
  async checkAtStart(): Promise<void> {
    const current = this.identity.current()
    const doc = this.store.get()
    if (doc.identity === null || doc.identity === current) {
      // First start (or an upgrade), or back where it was confirmed: nothing to pause.
      if (doc.identity === null || doc.detected !== null) {
        this.store.save({ identity: current, detected: null, testCopy: false })
      }
      return
    }
    // Already seen (the admin has not confirmed, or kept it as a test copy): the links were paused then.
    if (doc.detected?.identity === current) return
    const linked = this.ctx.links.list().filter((link) => link.state === 'linked')
    // No linked partner: nothing could reach one, so the move needs no decision.
    if (linked.length === 0) return this.store.save({ identity: current, detected: null, testCopy: false })
    const at = this.ctx.now()
    const toPause = linked.filter((link) => !link.paused)
    const warning = changedWarning(toPause.map(partnerName))
    this.ctx.history.append({
      ts: at,
      direction: 'local',
      category: linkCategory,
      level: 'warning',
      message: warning.ja,
      messageEn: warning.en,
      detail: { machine: 'changed', links: toPause.map((link) => link.id) },
    })
    await this.each(toPause, (link) => actOnLink(this.ctx, link.id, 'pause', null, 'machine'))
    // Stored after the pauses: a start cut short pauses what is left on the next one.
    this.store.save({ ...doc, detected: { identity: current, at }, testCopy: false })
    this.ctx.changed()
  }

  state(): MachineIdentityState {
    const { detected, testCopy } = this.store.get()
    return {
      state: detected === null ? 'same' : testCopy ? 'test-copy' : 'changed',
      detectedAt: detected?.at ?? null,
      pausedLinks: this.ctx.links
        .list()
        .filter(pausedForMachine)
        .map((link) => ({ id: link.id, partnerName: partnerName(link) })),
    }
  }

  async confirm(action: MachineAction): Promise<MachineIdentityState> {
    const doc = this.store.get()
    if (doc.detected === null) throw new ApiError('invalid-input', nothingToConfirm)
    if (action === 'keep-paused') {
      if (doc.testCopy) throw new ApiError('invalid-input', alreadyTestCopy)
      this.store.save({ ...doc, testCopy: true })
      writeAudit(this.ctx.history, keptAsTestCopy, { machine: 'test-copy' })
      this.ctx.changed()
      return this.state()
    }
    this.store.save({ identity: this.identity.current(), detected: null, testCopy: false })
    const toResume = this.ctx.links.list().filter(pausedForMachine)
    writeAudit(this.ctx.history, resumedHere, { machine: 'resume-here', links: toResume.map((l) => l.id) })
    await this.each(toResume, (link) => actOnLink(this.ctx, link.id, 'resume'))
    this.ctx.changed()
    return this.state()
  }

  /**
   * One partner call per link, side by side: an unreachable partner (its failure stays on its link) does
   * not hold up the others. A link an admin changed meanwhile is refused by the state rules and skipped.
   */
  private async each(links: readonly StoredLink[], act: (link: StoredLink) => Promise<unknown>) {
    await Promise.allSettled(links.map(act))
  }
}
