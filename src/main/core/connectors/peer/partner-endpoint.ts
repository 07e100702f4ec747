/**
 * The partner endpoint as the core holds it: routes, base path and partner keys set by the site link
 * engine, the listener started, stopped or restarted from the `sitelink.endpoint` settings.
 */
import type { Localized } from '../../../../shared/model/localized'
import type { LinkEndpointSettings } from '../../../../shared/model/sitelink-endpoint'
import type { Clock } from '../../clock'
import type { PartnerKeys, PartnerMount, PartnerRoute } from '../../engines/sitelink/sitelink-ports'
import type { SecretStore } from '../../secrets/secret-store'
import { EndpointStartError, listenFailed, loadEndpointTls } from './endpoint-tls'
import type { LinkNonceRepository } from './nonce-repository'
import { startPartnerListener, type PartnerRefusalEvent, type RunningListener } from './partner-listener'

export interface PartnerEndpointDeps {
  readonly secrets: SecretStore
  readonly nonces: LinkNonceRepository
  readonly clock: Clock
  /** false: `apply` checks the certificate, key and passphrase but does not listen (CLI commands). */
  readonly listen: boolean
}

const noKeys: PartnerKeys = { publicKeyFor: () => null }

export class PartnerEndpoint {
  private running: RunningListener | null = null
  private error: Localized | null = null
  private routes: readonly PartnerRoute[] = []
  private mounts: readonly PartnerMount[] = []
  private base: () => string = () => '/'
  private keys: PartnerKeys = noKeys
  private readonly refusedListeners = new Set<(event: PartnerRefusalEvent) => void>()
  /** Start/stop calls run one after another, never interleaved. */
  private queue: Promise<unknown> = Promise.resolve()

  constructor(private readonly deps: PartnerEndpointDeps) {}

  /** The only paths the listener answers (below the base path). */
  setRoutes(routes: readonly PartnerRoute[]): void {
    this.routes = [...routes]
  }

  /** Raw handlers below the base path (the OIDC provider mode), matched before the routes. */
  setMounts(mounts: readonly PartnerMount[]): void {
    this.mounts = [...mounts]
  }

  /** The path of this site's link URL (e.g. `/renkei/`): routes are served below it. */
  setBasePath(path: string | (() => string)): void {
    const read = typeof path === 'string' ? () => path : path
    // A function is read on every request: the link URL (and so its path) may change while listening.
    this.base = () => {
      const current = read()
      return current.endsWith('/') ? current : `${current}/`
    }
  }

  setPartnerKeys(keys: PartnerKeys): void {
    this.keys = keys
  }

  /** Refused requests (bad or missing signature, unknown key, stale, replay), for the history. */
  onRefused(listener: (event: PartnerRefusalEvent) => void): () => void {
    this.refusedListeners.add(listener)
    return () => this.refusedListeners.delete(listener)
  }

  status(): { readonly running: boolean; readonly error: Localized | null; readonly port: number | null } {
    return { running: this.running !== null, error: this.error, port: this.running?.address.port ?? null }
  }

  /**
   * Stops the listener and starts it again with `settings` (re-reading the certificate files and the
   * passphrase). Resolves with why it did not start, or null; the reason also stays in `status()`.
   */
  apply(settings: LinkEndpointSettings): Promise<Localized | null> {
    const next = this.queue.then(() => this.restart(settings))
    this.queue = next.catch(() => {})
    return next
  }

  close(): Promise<void> {
    const next = this.queue.then(() => this.stop())
    this.queue = next.catch(() => {})
    return next
  }

  private async stop(): Promise<void> {
    const running = this.running
    this.running = null
    await running?.close()
  }

  private async restart(settings: LinkEndpointSettings): Promise<Localized | null> {
    await this.stop()
    this.error = null
    if (!settings.enabled) return null
    try {
      if (this.deps.listen) this.running = await this.start(settings)
      else await loadEndpointTls(settings.certificate, this.deps.secrets)
    } catch (error) {
      this.error =
        error instanceof EndpointStartError
          ? error.localized
          : listenFailed(error, settings.bindAddress, settings.port).localized
    }
    return this.error
  }

  private async start(settings: LinkEndpointSettings): Promise<RunningListener> {
    const tls = await loadEndpointTls(settings.certificate, this.deps.secrets)
    const { nonces, clock } = this.deps
    return startPartnerListener({
      tls,
      bindAddress: settings.bindAddress,
      port: settings.port,
      clock,
      rememberNonce: (keyId, nonce, now) => nonces.remember(keyId, nonce, now),
      routing: {
        routes: () => this.routes,
        mounts: () => this.mounts,
        basePath: () => this.base(),
        keys: () => this.keys,
        refused: (event) => this.refusedListeners.forEach((listener) => listener(event)),
      },
    })
  }
}
