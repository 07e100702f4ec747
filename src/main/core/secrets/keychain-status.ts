import { ApiError } from '../../../shared/model/errors'
import type { KeychainStatus } from '../../../shared/model/status'
import { keychainUnavailable } from './keychain-secret-store'
import type { SecretStore } from './secret-store'

/** Asks the keychain for Renkei's entry names: the cheapest call that proves it is reachable and unlocked. */
export async function checkKeychain(secrets: SecretStore): Promise<KeychainStatus> {
  try {
    await secrets.names()
    return { available: true, problem: null }
  } catch (error) {
    const problem = error instanceof ApiError ? error : keychainUnavailable(error)
    return { available: false, problem: problem.localized }
  }
}
