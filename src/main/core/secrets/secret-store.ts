/**
 * Where credentials live. Implementations: the OS keychain (keytar) for the app, daemon and CLI;
 * an in-memory one for unit tests. There is deliberately no file-backed implementation.
 */
export interface SecretStore {
  get(name: string): Promise<string | null>
  set(name: string, value: string): Promise<void>
  /** Returns whether a secret was removed. */
  delete(name: string): Promise<boolean>
  /** Names of every stored secret (never the values). */
  names(): Promise<string[]>
}
