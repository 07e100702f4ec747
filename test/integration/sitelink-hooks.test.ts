import { afterEach, describe, expect, it } from 'vitest'
import { createLinkHandlers } from '../../src/main/core/engines/sitelink/link-handlers'
import { LinkEngine } from '../../src/main/core/engines/sitelink/link-engine'
import { HistoryRepository } from '../../src/main/core/history/history-repository'
import { TestClock } from '../../src/main/core/scheduler/test-clock'
import { openDatabase, type Db } from '../../src/main/core/store/database'
import { PartnerLoopback, testSiteKey } from '../support/partner-loopback'
import { offPeak } from '../support/sitelink-sites'
import { tempDataDir } from '../support/test-core'

const opened: Db[] = []
afterEach(() => opened.splice(0).forEach((db) => db.close()))

/** One link engine as the outbox helper will use it: hooks, isActive and activeLinks. */
function site(loopback: PartnerLoopback, clock: TestClock, host: string) {
  const db = openDatabase(tempDataDir('renkei-link-hooks-'))
  opened.push(db)
  const history = new HistoryRepository(db, () => clock.now())
  const key = testSiteKey()
  const engine = new LinkEngine({
    db,
    client: loopback.client(key),
    siteKey: key,
    history,
    now: () => clock.now(),
    onChange: () => {},
  })
  const api = createLinkHandlers(engine, history)
  const linkUrl = `https://${host}/`
  loopback.attach(linkUrl, { sitelink: { routes: () => engine.routes(), keys: engine.partnerKeys() } })
  const heard: string[] = []
  engine.listen({
    onStart: (id, sendAt) => heard.push(`start ${id} ${sendAt}`),
    onRelink: (id, sendAt) => heard.push(`relink ${id} ${sendAt}`),
    onUnlink: (id) => heard.push(`unlink ${id}`),
  })
  return { engine, api, linkUrl, heard }
}

describe('link hooks for the outbox (in-process transport)', () => {
  it('start, relink and unlink reach both sides; pause makes a link inactive here only (in-process transport)', async () => {
    const loopback = new PartnerLoopback()
    const clock = new TestClock(offPeak)
    const a = site(loopback, clock, 'a.renkei.test')
    const b = site(loopback, clock, 'b.renkei.test')
    await a.api['link.site.update']({ companyName: 'A', linkUrl: a.linkUrl })
    await b.api['link.site.update']({ companyName: 'B', linkUrl: b.linkUrl })
    const { url } = await a.api['link.request']({})
    const atB = (await b.api['link.accept']({ url })).summary.id
    const atA = a.engine.links.list()[0]!.id
    expect(a.engine.isActive(atA)).toBe(false)
    expect(a.heard).toEqual([])

    const tonight = new Date(2026, 11, 2, 22, 0).getTime()
    await a.api['link.start']({ id: atA, confirmPeak: false, sendTonight: true })
    expect(a.heard).toEqual([`start ${atA} ${tonight}`])
    expect(b.heard).toEqual([`start ${atB} ${tonight}`])
    expect(a.engine.isActive(atA) && b.engine.isActive(atB)).toBe(true)
    expect(a.engine.activeLinks().map((link) => link.id)).toEqual([atA])

    await b.api['link.pause']({ id: atB })
    expect(b.engine.isActive(atB)).toBe(false)
    expect(b.engine.activeLinks()).toEqual([])
    expect(a.engine.isActive(atA)).toBe(true)
    await b.api['link.resume']({ id: atB })

    await b.api['link.relink']({ id: atB, confirmPeak: false, sendTonight: false })
    expect(b.heard.at(-1)).toBe(`relink ${atB} null`)
    expect(a.heard.at(-1)).toBe(`relink ${atA} null`)

    await a.api['link.unlink']({ id: atA })
    expect(a.heard.at(-1)).toBe(`unlink ${atA}`)
    expect(b.heard.at(-1)).toBe(`unlink ${atB}`)
    expect(a.engine.isActive(atA) || b.engine.isActive(atB)).toBe(false)
  })
})
