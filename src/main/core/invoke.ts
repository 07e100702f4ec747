import { apiContract, type ApiClient, type ApiHandlers, type MethodName } from '../../shared/api'
import { ApiError, type ApiResult } from '../../shared/model/errors'
import { describeIssues } from './input-issues'

function isMethod(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(apiContract, name)
}

/**
 * The single entry every transport uses: checks the method exists, validates the input against the
 * contract's zod schema, runs the handler and turns any failure into an ApiResult. Never throws.
 */
export async function invokeHandler(
  handlers: ApiHandlers,
  method: string,
  rawInput: unknown,
): Promise<ApiResult<unknown>> {
  if (!isMethod(method)) {
    return {
      ok: false,
      error: {
        code: 'unknown-method',
        message: { ja: `不明な操作です: ${method}`, en: `Unknown operation: ${method}` },
      },
    }
  }
  const parsed = apiContract[method].input.safeParse(rawInput ?? {})
  if (!parsed.success) {
    const problems = describeIssues(parsed.error.issues, rawInput ?? {})
    return {
      ok: false,
      error: {
        code: 'invalid-input',
        message: {
          ja: `入力が正しくありません（${problems.ja}）`,
          en: `The input is not valid (${problems.en})`,
        },
        detail: parsed.error.issues,
      },
    }
  }
  try {
    const handler = handlers[method] as (input: unknown) => Promise<unknown>
    return { ok: true, value: await handler(parsed.data) }
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.toShape() }
    const text = error instanceof Error ? error.message : String(error)
    return {
      ok: false,
      error: {
        code: 'internal',
        message: {
          ja: `処理中に予期しないエラーが発生しました: ${text}。同期履歴を確認してください。`,
          en: `Something unexpected went wrong: ${text}. Check the sync history.`,
        },
      },
    }
  }
}

/** Direct calls for tests and the CLI, validated exactly as over a transport. */
export function validatedClient(handlers: ApiHandlers): ApiClient {
  return Object.fromEntries(
    (Object.keys(handlers) as MethodName[]).map((name) => [
      name,
      async (input: unknown) => {
        const result = await invokeHandler(handlers, name, input)
        if (result.ok) return result.value
        throw ApiError.fromShape(result.error)
      },
    ]),
  ) as unknown as ApiClient
}
