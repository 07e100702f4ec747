/**
 * `renkei directory preview` / `run --approve-adoptions` against slapd with an entry Renkei did not create.
 * The CLI reads the bind password from the real keychain, so this needs the Secret Service session.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { directorySecretNames } from '../../src/shared/model/directory-config'
import { projectRoot, runCli } from '../support/cli'
import { people, writeDirectoryCsv } from '../support/directory-csv'
import { skipWithoutKeychain } from '../support/keychain'
import { startScimServer } from '../support/scim-server'
import { startSlapd, type Slapd } from '../support/slapd'
import { openTestCore, tempDataDir } from '../support/test-core'

let slapd: Slapd

/** The CLI without blocking this process (the SCIM server under test lives here). */
function runCliAsync(args: readonly string[]): Promise<{ status: number | null; stdout: string }> {
  const child = spawn(process.execPath, [join(projectRoot, 'bin', 'renkei.cjs'), ...args])
  let stdout = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
  child.stderr.resume()
  return new Promise((resolve) => child.once('exit', (status) => resolve({ status, stdout })))
}

describe.skipIf(skipWithoutKeychain())('renkei directory with accounts Renkei does not own', () => {
  beforeAll(async () => {
    slapd = await startSlapd()
  })
  afterAll(async () => {
    await slapd.stop()
  })

  it('preview names the adoption and the foreign contractor; only --approve-adoptions adopts', async () => {
    const dir = tempDataDir('renkei-own-cli-')
    const usersDn = `ou=people,${slapd.suffix}`
    await slapd.ldapadd(
      [
        `dn: ${usersDn}\nobjectClass: organizationalUnit\nou: people\n`,
        `dn: uid=e0001,${usersDn}\nobjectClass: inetOrgPerson\nuid: e0001\ncn: Taro\nsn: Yamada\n`,
        `dn: uid=c9001,${usersDn}\nobjectClass: inetOrgPerson\nuid: c9001\ncn: C\nsn: C\nemployeeNumber: C-9001\n`,
      ].join('\n'),
    )
    const core = await openTestCore(dir)
    await core.api['directory.config.update']({
      source: { kind: 'csv', ...writeDirectoryCsv(dir, people(2)) },
      target: {
        kind: 'ldap',
        url: slapd.url,
        security: 'plain',
        allowPlain: true,
        bindDn: slapd.rootDn,
        usersDn,
        suspendedDn: `ou=gone,${slapd.suffix}`,
      },
    })
    await core.close()
    const cli = (...args: string[]) => runCli(['--data-dir', dir, ...args], { input: slapd.rootPassword })
    expect(cli('secret', 'set', directorySecretNames.targetLdapPassword).status).toBe(0)

    const preview = cli('directory', 'preview')
    expect(preview.stderr).toBe('')
    expect(preview.stdout).toContain('will adopt 1 existing accounts / 既存アカウント 1 件を引き継ぎます')
    expect(preview.stdout).toContain(`user c9001 [C-9001] uid=c9001,${usersDn}`)

    const waiting = cli('directory', 'run', '--yes')
    expect(waiting.status).toBe(0)
    expect(waiting.stdout).toContain('1 existing accounts wait for adoption')
    const hand = async () =>
      (await slapd.ldapsearch(usersDn, '(uid=e0001)', ['employeeNumber'])).map((e) => e.attributes)
    expect(await hand()).toEqual([{}])

    const approved = cli('directory', 'run', '--yes', '--approve-adoptions', '--json')
    expect(approved.status).toBe(0)
    expect(JSON.parse(approved.stdout).outcome).toBe('ok')
    expect(await hand()).toEqual([{ employeenumber: ['E0001'] }])
    expect(cli('secret', 'clear', directorySecretNames.targetLdapPassword).status).toBe(0)
  })

  it('a run killed with kill -9 mid-way leaves nothing doubled or lost: the next run finishes it', async () => {
    // Bulk off: one POST per new user, so the run can be killed between two creates.
    const scim = await startScimServer({ bulk: false })
    try {
      const dir = tempDataDir('renkei-own-kill-')
      const core = await openTestCore(dir)
      await core.api['directory.config.update']({
        source: { kind: 'csv', ...writeDirectoryCsv(dir, people(60)) },
        target: { kind: 'scim', baseUrl: scim.baseUrl, provisionGroups: false },
      })
      await core.close()
      const args = ['--data-dir', dir]
      expect(
        runCli([...args, 'secret', 'set', directorySecretNames.targetScimToken], { input: scim.token })
          .status,
      ).toBe(0)

      // Asynchronous, so the SCIM server in this process keeps answering; killed after the 15th create.
      const child = spawn(process.execPath, [
        join(projectRoot, 'bin', 'renkei.cjs'),
        ...args,
        'directory',
        'run',
        '--yes',
      ])
      const killed = new Promise<NodeJS.Signals | null>((resolve) =>
        child.once('exit', (_c, sig) => resolve(sig)),
      )
      while (scim.requests().filter((r) => r.method === 'POST').length < 15 && child.exitCode === null)
        await new Promise((r) => setTimeout(r, 2))
      child.kill('SIGKILL')
      expect(await killed).toBe('SIGKILL')
      const partial = scim.users().length
      expect(partial).toBeGreaterThanOrEqual(15)
      expect(partial).toBeLessThan(60)

      const next = await runCliAsync([...args, 'directory', 'run', '--yes'])
      expect(next).toMatchObject({ status: 0, stdout: expect.stringContaining('ok: ') })
      const keys = scim.users().map((u) => String(u.externalId))
      expect(keys).toHaveLength(60)
      expect(new Set(keys).size).toBe(60)
      const preview = JSON.parse((await runCliAsync([...args, 'directory', 'preview', '--json'])).stdout)
      expect(preview).toMatchObject({ itemsTotal: 0, foreignTotal: 0, heldTotal: 0 })
      runCli([...args, 'secret', 'clear', directorySecretNames.targetScimToken])
    } finally {
      await scim.stop()
    }
  })
})
