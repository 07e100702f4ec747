import type { SecretStore } from './secret-store'

/** For unit tests only: keeps secrets in this process's memory and nowhere else. */
export class MemorySecretStore implements SecretStore {
  private readonly values = new Map<string, string>()

  async get(name: string): Promise<string | null> {
    return this.values.get(name) ?? null
  }

  async set(name: string, value: string): Promise<void> {
    this.values.set(name, value)
  }

  async delete(name: string): Promise<boolean> {
    return this.values.delete(name)
  }

  async names(): Promise<string[]> {
    return [...this.values.keys()].sort()
  }
}
