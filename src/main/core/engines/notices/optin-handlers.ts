import type { ParsedInput } from '../../../../shared/api'
import { ApiError } from '../../../../shared/model/errors'
import type { NoticeOptInPage, NoticeOptInUpdate } from '../../../../shared/model/notices'
import { writeAudit } from '../../audit'
import type { PeopleIndex } from './core-people'
import type { NoticeContext } from './notice-context'
import type { NoticeHandlers } from './notice-ports'
import type { OptInStore } from './optin-rules'

const scopeNames = {
  employee: { ja: '社員', en: 'employee' },
  group: { ja: 'グループ', en: 'group' },
  department: { ja: '部署', en: 'department' },
  everyone: { ja: '全員', en: 'everyone' },
} as const

/** Refuses a rule whose code names nobody in the home directory (ja/en); nothing is written then. */
function checkCode(update: NoticeOptInUpdate, index: PeopleIndex): void {
  const { scope, code } = update
  const known =
    scope === 'everyone'
      ? code === ''
      : scope === 'employee'
        ? index.byKey.has(code)
        : scope === 'group'
          ? index.groups.has(code)
          : index.parents.has(code)
  if (known) return
  const name = scopeNames[scope]
  throw new ApiError(
    'invalid-input',
    scope === 'everyone'
      ? {
          ja: '「全員」の設定にはコードを指定しません（code は空にしてください）。何も変更していません。',
          en: 'A rule for everyone takes no code (leave code empty). Nothing was changed.',
        }
      : {
          ja: `${name.ja}「${code}」はホームディレクトリにありません。何も変更していません。`,
          en: `There is no ${name.en} "${code}" in the home directory. Nothing was changed.`,
        },
  )
}

/** The opt-in matrix (seed ⑥ 「自分宛の伝言が登録された際に通知する」): a page of people and every bulk rule. */
export function createOptInHandlers(
  ctx: NoticeContext,
  store: OptInStore,
  people: () => PeopleIndex,
): NoticeHandlers<'notice.optins.get' | 'notice.optins.set'> {
  const page = (query: ParsedInput<'notice.optins.get'>): NoticeOptInPage => {
    const index = people()
    const found = ctx.home.employees({
      limit: query.limit,
      ...(query.department !== undefined ? { department: query.department } : {}),
      ...(query.query ? { text: query.query } : {}),
      ...(query.after !== undefined ? { after: query.after } : {}),
    })
    const rows = found.employees.map((e) => {
      const person = index.byKey.get(e.key)
      const own = store.own(e.key)
      return {
        employeeKey: e.key,
        name: e.nameJa,
        department: e.mainDepartment,
        email: e.email,
        on: person ? store.kindsFor(person, index.parents, own) : [],
        own: [...own.keys()],
      }
    })
    return { rows, nextAfter: found.nextAfter, rules: store.bulk().list }
  }
  return {
    'notice.optins.get': async (query) => page(query),
    'notice.optins.set': async (update) => {
      checkCode(update, people())
      const kinds = [...new Set(update.kinds)]
      store.set(update.scope, update.code, kinds, update.enabled)
      const name = scopeNames[update.scope]
      const state =
        update.enabled === null
          ? { ja: 'の設定を解除しました', en: 'rule removed' }
          : update.enabled
            ? { ja: 'を「通知する」にしました', en: 'on' }
            : { ja: 'を「通知しない」にしました', en: 'off' }
      writeAudit(
        ctx.history,
        {
          ja: `お知らせ通知の受け取り設定: ${name.ja}${update.code ? `「${update.code}」` : ''} ${kinds.join(', ')} ${state.ja}`,
          en: `Notice opt-in: ${name.en}${update.code ? ` "${update.code}"` : ''} ${kinds.join(', ')} ${state.en}`,
        },
        update,
      )
      return page({ limit: 100 })
    },
  }
}
