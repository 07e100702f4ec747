import { ApiError } from '../../../../shared/model/errors'
import type { Localized } from '../../../../shared/model/localized'
import {
  noticeTargetInput,
  noticeTargetSecret,
  noticeTargetSecretNames,
  type NoticeTargetConfig,
  type NoticeTargetSecretName,
  noticeSecretsOfKind,
} from '../../../../shared/model/notices'
import { writeAudit } from '../../audit'
import type { NoticeContext } from './notice-context'
import { targetProblems, typedSecretProblems } from './target-checks'
import type { TargetStore } from './target-store'

type Typed = Readonly<Partial<Record<NoticeTargetSecretName, string | null>>>

function refused(name: string, problems: readonly { field: string; problem: Localized }[]): ApiError {
  return new ApiError('invalid-input', {
    ja: `通知先「${name}」を保存できません。何も変更していません（${problems.map((p) => `${p.field}: ${p.problem.ja}`).join('; ')}）`,
    en: `The notice target "${name}" cannot be saved; nothing was changed (${problems.map((p) => `${p.field}: ${p.problem.en}`).join('; ')})`,
  })
}

/** Where a typed URL points, for the audit line: the origin only (chat services keep their token in the path). */
function origins(typed: Typed): string[] {
  const url = typed.url
  return typeof url === 'string' ? [new URL(url).origin] : []
}

/**
 * Writes the typed secrets to the keychain; if one write fails, the ones already written get their
 * previous values back, so a failed save leaves the keychain as it was.
 */
async function writeSecrets(ctx: NoticeContext, id: string, typed: Typed): Promise<void> {
  const done: [string, string | null][] = []
  try {
    for (const [name, value] of Object.entries(typed) as [NoticeTargetSecretName, string | null][]) {
      const key = noticeTargetSecret(id, name)
      const before = await ctx.secrets.get(key)
      if (value === null) await ctx.secrets.delete(key)
      else await ctx.secrets.set(key, value)
      done.push([key, before])
    }
  } catch (error) {
    for (const [key, before] of done.reverse()) {
      await (before === null ? ctx.secrets.delete(key) : ctx.secrets.set(key, before)).catch(() => undefined)
    }
    throw error
  }
}

/** `notice.targets.save`: checked whole, then secrets to the keychain, then the config row and an audit line. */
export async function saveTarget(
  ctx: NoticeContext,
  store: TargetStore,
  input: { readonly target: unknown; readonly secrets?: Typed | undefined },
): Promise<NoticeTargetConfig> {
  const target = noticeTargetInput.parse(input.target)
  const typed = input.secrets ?? {}
  const problems = [...targetProblems(target), ...typedSecretProblems(target.kind, typed)]
  if (problems.length > 0) throw refused(target.name, problems)
  const previous = store.get(target.id)
  await writeSecrets(ctx, target.id, typed)
  store.save(target)
  // A kind that no longer uses a secret must not keep it in the keychain.
  if (previous && previous.kind !== target.kind) {
    for (const name of noticeTargetSecretNames)
      if (!noticeSecretsOfKind[target.kind].includes(name))
        await ctx.secrets.delete(noticeTargetSecret(target.id, name)).catch(() => false)
  }
  const changed = Object.entries(typed).map(([name, value]) =>
    value === null ? `${name}: removed` : `${name}: set`,
  )
  writeAudit(
    ctx.history,
    {
      ja: `通知先「${target.name}」（${target.kind}）を${previous ? '変更' : '追加'}しました`,
      en: `${previous ? 'Changed' : 'Added'} the notice target "${target.name}" (${target.kind})`,
    },
    { targetId: target.id, kind: target.kind, secrets: changed, origins: origins(typed) },
  )
  return target
}
