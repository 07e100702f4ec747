import type { Command } from 'commander'
import type { MachineIdentityState } from '../../shared/model/sitelink-rules'
import { printJson, UsageError } from './cli-output'
import { withCore, type GlobalOptions } from './with-core'

const stateText: Readonly<Record<MachineIdentityState['state'], string>> = {
  same: 'this machine runs the production site / この端末が本番サイトです',
  changed:
    'this data directory moved to another machine or folder: its links were paused / ' +
    'このデータフォルダーは別の端末（または別のフォルダー）で動いています。リンクを一時停止しました',
  'test-copy': 'a test copy: its links stay paused / テスト用のコピーとして停止中',
}

function machineText(state: MachineIdentityState): string {
  const lines = [stateText[state.state]]
  for (const link of state.pausedLinks) lines.push(`  paused / 一時停止: ${link.partnerName} (${link.id})`)
  if (state.state !== 'same') lines.push('resume here / この端末で再開: renkei link machine --resume-here')
  if (state.state === 'changed') lines.push('keep paused / 停止のまま: renkei link machine --keep-paused')
  return `${lines.join('\n')}\n`
}

/** `renkei link machine`: the test-copy check (issue 13) for servers run without the screens. */
export function registerLinkMachineCommand(link: Command, globals: () => GlobalOptions): void {
  link
    .command('machine')
    .description('test copies: whether this data directory moved machine; resume here or keep it paused')
    .option('--resume-here', 'this machine is the production site now: resume the links paused for the move')
    .option('--keep-paused', 'a test copy: keep its links paused')
    .option('--json', 'print JSON')
    .action(async (options: { resumeHere?: boolean; keepPaused?: boolean; json?: boolean }) => {
      if (options.resumeHere && options.keepPaused) {
        throw new UsageError({
          ja: '--resume-here と --keep-paused は同時に指定できません。',
          en: '--resume-here and --keep-paused cannot be given together.',
        })
      }
      const action = options.resumeHere ? 'resume-here' : options.keepPaused ? 'keep-paused' : null
      await withCore(globals(), async (core) => {
        const state =
          action === null
            ? await core.api['link.machine.get']({})
            : await core.api['link.machine.confirm']({ action })
        if (options.json) printJson(state)
        else process.stdout.write(machineText(state))
      })
    })
}
