import { useState } from 'react'
import type { Localized } from '../../../../shared/model/localized'
import { localized } from '../../i18n'
import { api } from '../../lib/api'
import { toLocalized } from '../../lib/errors'
import { useSecretsStore } from '../../stores/secrets-store'

export interface SecretValue {
  readonly name: string
  readonly value: string
}

export interface SaveState {
  readonly saving: boolean
  readonly error: Localized | null
  readonly notice: Localized | null
}

const idle: SaveState = { saving: false, error: null, notice: null }

export function joined(first: Localized, second: Localized): Localized {
  return { ja: `${first.ja} ${second.ja}`, en: `${first.en} ${second.en}` }
}

/**
 * One save of a calendar form: the settings first, then — only once the core accepted them — the secrets
 * typed with them, so a refused form never leaves a password behind for a pair that does not exist.
 */
export function useSave(): {
  readonly state: SaveState
  /** `done` may be a function: the notice can depend on the core's answer (e.g. credentials moved). */
  save(
    write: () => Promise<unknown>,
    secrets: readonly SecretValue[],
    done: Localized | (() => Localized),
  ): Promise<boolean>
  fail(error: Localized): void
  dismiss(): void
} {
  const [state, setState] = useState<SaveState>(idle)
  let saving = state.saving
  return {
    state,
    async save(write, secrets, done) {
      if (saving) return false
      saving = true
      setState({ ...idle, saving: true })
      try {
        await write()
      } catch (error) {
        setState({ ...idle, error: toLocalized(error) })
        return false
      }
      for (const secret of secrets) {
        try {
          useSecretsStore.getState().receive(await api['secrets.set'](secret))
        } catch (error) {
          const prefix = localized('calendar.secretFailed', { name: secret.name })
          setState({ ...idle, error: joined(prefix, toLocalized(error)) })
          return false
        }
      }
      setState({ ...idle, notice: typeof done === 'function' ? done() : done })
      return true
    },
    fail(error) {
      setState({ ...idle, error })
    },
    dismiss() {
      setState(idle)
    },
  }
}
