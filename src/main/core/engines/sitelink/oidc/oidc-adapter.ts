/**
 * Storage for oidc-provider: everything in memory (codes live a minute, sessions ten; a restart ends
 * sign-ins in progress, and the visitor asks for a new visit URL), except clients, which are read from
 * the settings and the keychain on every lookup so an edit or a new secret applies at once.
 */
import type { Adapter, AdapterPayload } from 'oidc-provider'
import type { OidcSettingsStore } from './oidc-settings-store'

interface Stored {
  readonly payload: AdapterPayload
  readonly expiresAt: number
}

/** Expired items go at most this often (each lookup drops what it finds expired anyway). */
const sweepEveryMs = 60_000

export class MemoryAdapter implements Adapter {
  private readonly items = new Map<string, Stored>()
  private lastSweep = 0

  constructor(private readonly now: () => number) {}

  async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
    const now = this.now()
    if (now - this.lastSweep >= sweepEveryMs) {
      this.lastSweep = now
      for (const [key, item] of this.items) if (item.expiresAt <= now) this.items.delete(key)
    }
    this.items.set(id, { payload, expiresAt: now + expiresIn * 1000 })
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    const item = this.items.get(id)
    if (item === undefined) return undefined
    if (item.expiresAt <= this.now()) {
      this.items.delete(id)
      return undefined
    }
    return item.payload
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    for (const [id, item] of this.items) if (item.payload.uid === uid) return this.find(id)
    return undefined
  }

  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    for (const [id, item] of this.items) if (item.payload.userCode === userCode) return this.find(id)
    return undefined
  }

  async consume(id: string): Promise<void> {
    const item = this.items.get(id)
    if (item !== undefined) item.payload.consumed = Math.floor(this.now() / 1000)
  }

  async destroy(id: string): Promise<void> {
    this.items.delete(id)
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    for (const [id, item] of this.items) if (item.payload.grantId === grantId) this.items.delete(id)
  }
}

/**
 * Client metadata oidc-provider validates: confidential, code flow only, secret in the Basic header. The
 * initiate login URI stays out: only the handoff uses it, and the provider would insist on https there.
 */
export class ClientAdapter extends MemoryAdapter {
  constructor(
    now: () => number,
    private readonly settings: OidcSettingsStore,
  ) {
    super(now)
  }

  override async find(id: string): Promise<AdapterPayload | undefined> {
    const client = this.settings.document().clients.find((candidate) => candidate.clientId === id)
    if (client === undefined) return undefined
    const secret = await this.settings.secretOf(id)
    // Without a secret the client cannot authenticate; it is unknown until the admin sets one.
    if (secret === null) return undefined
    return {
      client_id: client.clientId,
      client_name: client.name,
      client_secret: secret,
      redirect_uris: [...client.redirectUris],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'RS256',
    }
  }
}
