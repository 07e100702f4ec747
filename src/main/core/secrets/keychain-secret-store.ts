import { ApiError } from '../../../shared/model/errors'
import type { SecretStore } from './secret-store'

/** Every Renkei credential lives under this service name in the OS keychain. */
export const keychainService = 'renkei'

type Keytar = typeof import('keytar')

export function keychainUnavailable(cause: unknown): ApiError {
  return new ApiError(
    'keychain-unavailable',
    {
      ja:
        'OS のキーチェーン（資格情報ストア）を使用できないため、パスワード等を保存できません。' +
        'Windows では資格情報マネージャー、macOS ではキーチェーン、Linux では Secret Service（gnome-keyring 等）が動作し、ロック解除されているか確認してください。平文で保存することはありません。',
      en:
        'The OS keychain is not available, so passwords and tokens cannot be stored. ' +
        'Check that Credential Manager (Windows), Keychain (macOS) or a Secret Service such as gnome-keyring (Linux) is running and unlocked. Renkei never falls back to plain text.',
    },
    { cause: cause instanceof Error ? cause.message : String(cause) },
  )
}

/**
 * The OS keychain through keytar. keytar is loaded on first use so a machine without libsecret
 * still starts (and shows why secrets cannot be saved) instead of crashing at launch.
 */
export class KeychainSecretStore implements SecretStore {
  private keytar: Promise<Keytar> | null = null

  constructor(private readonly service = keychainService) {}

  private load(): Promise<Keytar> {
    this.keytar ??= import('keytar').then(
      (module) => ((module as { default?: Keytar }).default ?? module) as Keytar,
    )
    return this.keytar
  }

  private async call<T>(operation: (keytar: Keytar) => Promise<T>): Promise<T> {
    try {
      return await operation(await this.load())
    } catch (error) {
      throw keychainUnavailable(error)
    }
  }

  get(name: string): Promise<string | null> {
    return this.call((k) => k.getPassword(this.service, name))
  }

  set(name: string, value: string): Promise<void> {
    return this.call((k) => k.setPassword(this.service, name, value))
  }

  delete(name: string): Promise<boolean> {
    return this.call((k) => k.deletePassword(this.service, name))
  }

  names(): Promise<string[]> {
    return this.call(async (k) => (await k.findCredentials(this.service)).map((c) => c.account).sort())
  }
}
