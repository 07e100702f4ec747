import { ApiError } from '../../../../shared/model/errors'
import type { Localized } from '../../../../shared/model/localized'
import {
  noticeTargetSecret,
  noticeTargetSecretNames,
  type NoticeTargetConfig,
  type NoticeTargetSecretName,
  type NoticeTargetView,
} from '../../../../shared/model/notices'
import { writeAudit } from '../../audit'
import { SmtpSessions } from '../../connectors/smtp/smtp-sessions'
import type { NoticeContext } from './notice-context'
import type { NoticeHandlers, NoticeQueueStats, NoticeTargetDirectory } from './notice-ports'
import { secretsNeeded, targetProblems } from './target-checks'
import { saveTarget } from './target-save'
import { createSenderFactory } from './target-senders'
import { TargetStore } from './target-store'
import { testTarget } from './target-test'
import { XmppSessions } from './target-xmpp-pool'

/** Targets: their storage, secrets (keychain), checks, connectors and the test send. */
export interface NoticeTargetsPart {
  readonly handlers: NoticeHandlers<
    'notice.targets.list' | 'notice.targets.save' | 'notice.targets.remove' | 'notice.targets.test'
  >
  readonly directory: NoticeTargetDirectory
  /** Closes the connections kept open between messages (XMPP sessions). */
  close(): Promise<void>
}

const secretLabel: Record<NoticeTargetSecretName, Localized> = {
  password: { ja: 'パスワード', en: 'password' },
  url: { ja: 'URL', en: 'URL' },
  token: { ja: 'API トークン', en: 'API token' },
  signing: { ja: '署名用の秘密鍵', en: 'signing secret' },
}

function notFound(id: string): ApiError {
  return new ApiError('not-found', {
    ja: `通知先「${id}」はありません`,
    en: `There is no notice target "${id}"`,
  })
}

export function createNoticeTargets(
  ctx: NoticeContext,
  ports: { readonly queue: () => NoticeQueueStats },
): NoticeTargetsPart {
  const store = new TargetStore(ctx.db, ctx.now)
  const xmpp = new XmppSessions()
  const smtp = new SmtpSessions()
  const senderFor = createSenderFactory(ctx, { smtp, xmpp })

  async function view(target: NoticeTargetConfig, names: ReadonlySet<string>): Promise<NoticeTargetView> {
    const secrets: Partial<Record<NoticeTargetSecretName, boolean>> = {}
    for (const name of noticeTargetSecretNames)
      if (names.has(noticeTargetSecret(target.id, name))) secrets[name] = true
    const problems: Localized[] = targetProblems(target).map(({ field, problem }) => ({
      ja: `${field}: ${problem.ja}`,
      en: `${field}: ${problem.en}`,
    }))
    for (const name of secretsNeeded(target))
      if (!secrets[name])
        problems.push({
          ja: `${secretLabel[name].ja}がキーチェーンにありません`,
          en: `the ${secretLabel[name].en} is not in the keychain`,
        })
    return { target, secrets, problems, ...ports.queue().targetStats(target.id) }
  }

  async function list(): Promise<NoticeTargetView[]> {
    const names = new Set(await ctx.secrets.names())
    return Promise.all(store.all().map((target) => view(target, names)))
  }

  return {
    handlers: {
      'notice.targets.list': list,
      'notice.targets.save': async (input) => {
        const target = await saveTarget(ctx, store, input)
        // A changed account or server: the next message signs in again.
        // (An SMTP connection is matched to its settings and password at each send.)
        if (target.kind === 'xmpp' || input.secrets) await xmpp.drop(target.id)
        return view(target, new Set(await ctx.secrets.names()))
      },
      'notice.targets.remove': async ({ id }) => {
        const target = store.get(id)
        if (!target) throw notFound(id)
        store.remove(id)
        for (const name of noticeTargetSecretNames) await ctx.secrets.delete(noticeTargetSecret(id, name))
        await xmpp.drop(id)
        smtp.drop(id)
        const dropped = ports.queue().dropTarget(id)
        writeAudit(
          ctx.history,
          {
            ja: `通知先「${target.name}」（${target.kind}）を削除しました（送信待ち ${dropped} 件を取り消し）`,
            en: `Removed the notice target "${target.name}" (${target.kind}); ${dropped} pending messages dropped`,
          },
          { targetId: id, kind: target.kind, dropped },
        )
        return list()
      },
      'notice.targets.test': async (input) => {
        const target = store.get(input.id)
        if (!target) throw notFound(input.id)
        return testTarget(ctx, target, senderFor(target), input)
      },
    },
    directory: {
      enabled: () => store.all().filter((target) => target.enabled),
      get: (id) => store.get(id),
      senderFor,
    },
    close: async () => {
      smtp.close()
      await xmpp.close()
    },
  }
}
