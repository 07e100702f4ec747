import { ApiError } from '../../../shared/model/errors'
import type { SecretStore } from './secret-store'

/** A new value, or null to clear the entry. */
export type SecretChange = string | null

function notRecorded(name: string, cause: unknown, undone: boolean): ApiError {
  const reason = cause instanceof Error ? cause.message : String(cause)
  return new ApiError(
    'internal',
    undone
      ? {
          ja: `シークレット「${name}」は変更していません。変更を履歴（データベース）に記録できなかったため、キーチェーンの値を元に戻しました。データベースが他の処理（履歴の取り込み・削除など）で使用中でないか確認し、やり直してください。`,
          en: `The secret "${name}" was not changed: the change could not be recorded in the history (database), so the keychain value was put back. Check that no other job (a history import or prune) is holding the database, and try again.`,
        }
      : {
          ja: `シークレット「${name}」はキーチェーンで変更されましたが、履歴（データベース）に記録できず、元に戻すこともできませんでした。もう一度設定するか削除して、状態を確かめてください。`,
          en: `The secret "${name}" was changed in the keychain, but the change could not be recorded in the history (database) nor undone. Set or clear it again to be sure of its state.`,
        },
    { cause: reason },
  )
}

/**
 * Changes keychain entries and writes the audit line for each change as one step: when SQLite cannot
 * take the line (busy or failing after the keychain write), the entry gets its previous value back, so
 * the keychain and the history agree and the caller's answer is true. One change per name at a time, or
 * an undo could put back a value another change had just replaced.
 */
export class RecordedSecretChanges {
  private readonly queues = new Map<string, Promise<unknown>>()

  constructor(private readonly secrets: SecretStore) {}

  /** Returns false (and records nothing) when the change would change nothing: clearing an unset name. */
  apply(name: string, change: SecretChange, record: () => void): Promise<boolean> {
    const previous = this.queues.get(name) ?? Promise.resolve()
    const next = previous.catch(() => undefined).then(() => this.applyNow(name, change, record))
    this.queues.set(name, next)
    const forget = (): void => {
      if (this.queues.get(name) === next) this.queues.delete(name)
    }
    next.then(forget, forget)
    return next
  }

  private async applyNow(name: string, change: SecretChange, record: () => void): Promise<boolean> {
    const before = await this.secrets.get(name)
    if (change === null && before === null) return false
    await this.write(name, change)
    try {
      record()
    } catch (error) {
      try {
        await this.write(name, before)
      } catch {
        throw notRecorded(name, error, false)
      }
      throw notRecorded(name, error, true)
    }
    return true
  }

  private async write(name: string, value: SecretChange): Promise<void> {
    if (value === null) await this.secrets.delete(name)
    else await this.secrets.set(name, value)
  }
}
