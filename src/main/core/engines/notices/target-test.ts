import { randomBytes } from 'node:crypto'
import { isMailAddress } from '../../../../shared/model/alerts'
import type { DirectoryEmployee } from '../../../../shared/model/directory'
import { ApiError } from '../../../../shared/model/errors'
import type { Localized } from '../../../../shared/model/localized'
import type { NoticeTargetConfig, NoticeTestResult } from '../../../../shared/model/notices'
import { ConnectorError } from '../../connectors/connector-error'
import { recordId } from '../../directory/home-diff'
import type { NoticeContext } from './notice-context'
import type { NoticeRecipient, NoticeSender } from './notice-ports'
import { fillRecipient } from './target-recipient'

/** The fixed sample every test send carries, Japanese then English. */
export const testSubject = 'Renkei テスト通知 / Renkei test notice'
export const testText = [
  'Renkei テスト通知',
  'これは Renkei の通知先のテスト送信です。このメッセージが届いていれば、設定は正しく動いています。',
  '',
  'Renkei test notice',
  'This is a test send of a Renkei notice target. If you can read this, the target works.',
].join('\n')

/** A test send must not hold the screen: it gets this long, then it is reported as failed. */
const testTimeoutMs = 30_000

const invalid = (ja: string, en: string): ApiError => new ApiError('invalid-input', { ja, en })

/** Who the test goes to: the employee's address here (pattern filled), or the address as typed. */
function recipientFor(
  ctx: NoticeContext,
  target: NoticeTargetConfig,
  input: { readonly employeeKey?: string | undefined; readonly address?: string | undefined },
): NoticeRecipient {
  if (input.address !== undefined) {
    const address = input.address.trim()
    if (/[\r\n]/.test(address) || (target.kind === 'smtp' && !isMailAddress(address)))
      throw invalid(`「${address}」はメールアドレスではありません`, `"${address}" is not an e-mail address`)
    if (target.kind === 'xmpp' && !/^[^\s@/]+@[^\s@/]+$/.test(address))
      throw invalid(
        `「${address}」は XMPP アドレス（user@domain）ではありません`,
        `"${address}" is not an XMPP address (user@domain)`,
      )
    return { employeeKey: '', name: address, email: null, login: '', address }
  }
  if (input.employeeKey === undefined)
    throw invalid(
      '送り先の社員か宛先を指定してください',
      'Give an employee or an address to send the test to',
    )
  const found = ctx.home
    .objects([recordId('employee', input.employeeKey)])
    .values()
    .next().value as DirectoryEmployee | undefined
  if (!found)
    throw invalid(
      `社員「${input.employeeKey}」は見つかりません`,
      `There is no employee "${input.employeeKey}"`,
    )
  const { address, missing } = fillRecipient(target.recipient, found)
  if (missing !== null)
    throw invalid(
      `${found.nameJa} さんには宛先のパターン「${target.recipient}」に必要な値（メールアドレスなど）がありません`,
      `${found.nameEn ?? found.nameJa} has no value for the recipient pattern "${target.recipient}" (an e-mail address?)`,
    )
  return { employeeKey: found.key, name: found.nameJa, email: found.email, login: found.login, address }
}

function failureOf(error: unknown): { message: Localized; detail: string | null } {
  if (error instanceof ConnectorError) return { message: error.localized, detail: error.serverAnswer }
  const text = error instanceof Error ? error.message : String(error)
  return { message: { ja: `予期しないエラー: ${text}`, en: `Unexpected error: ${text}` }, detail: null }
}

/** `notice.targets.test`: one sample message sent now (not queued), its outcome in the result and the history. */
export async function testTarget(
  ctx: NoticeContext,
  target: NoticeTargetConfig,
  sender: NoticeSender,
  input: { readonly employeeKey?: string | undefined; readonly address?: string | undefined },
): Promise<NoticeTestResult> {
  const recipient = recipientFor(ctx, target, input)
  const messageId = `renkei-notice-test-${randomBytes(8).toString('hex')}@${ctx.siteName() || 'renkei'}`
  const notice = { recipient, subject: testSubject, text: testText, kinds: [], messageId }
  const where = recipient.address === '' ? target.name : recipient.address
  let result: NoticeTestResult
  try {
    const { detail } = await sender.send(
      notice,
      AbortSignal.any([ctx.signal, AbortSignal.timeout(testTimeoutMs)]),
    )
    result = {
      ok: true,
      message: { ja: `${where} にテスト通知を送りました`, en: `Sent a test notice to ${where}` },
      detail,
      address: recipient.address,
    }
  } catch (error) {
    const failed = failureOf(error)
    result = { ok: false, message: failed.message, detail: failed.detail, address: recipient.address }
  }
  ctx.history.append({
    direction: 'send',
    category: 'notices',
    level: result.ok ? 'info' : 'error',
    message: `通知先「${target.name}」のテスト送信: ${result.message.ja}`,
    messageEn: `Test send of the notice target "${target.name}": ${result.message.en}`,
    detail: {
      targetId: target.id,
      kind: target.kind,
      address: recipient.address,
      serverAnswer: result.detail,
    },
  })
  return result
}
