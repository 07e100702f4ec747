/** 接続テスト: one request through the network layer, showing the path taken, the status and the chain. */
import type { FormEvent, ReactNode } from 'react'
import { useId, useState } from 'react'
import type { Localized } from '../../../../shared/model/localized'
import type { NetworkRoute, NetworkTestResult } from '../../../../shared/model/network'
import { Button } from '../../components/button'
import { Busy, ErrorBanner } from '../../components/messages'
import { useLanguage, useT, type Translate } from '../../i18n'
import { api } from '../../lib/api'
import { toLocalized } from '../../lib/errors'

function routeLabel(t: Translate, route: NetworkRoute): string {
  return route.kind === 'proxy'
    ? t('network.route.proxy', { proxy: route.proxy })
    : t(`network.route.direct.${route.reason}`)
}

function Result({ result }: { readonly result: NetworkTestResult }): ReactNode {
  const t = useT()
  const language = useLanguage()
  return (
    <div role="status" data-testid="network-test-result">
      <dl className="network-facts">
        <dt>{t('network.test.route')}</dt>
        <dd data-testid="network-test-route">{routeLabel(t, result.route)}</dd>
        <dt>{t('network.test.status')}</dt>
        <dd className={result.status === null ? 'error-text' : undefined}>
          {result.status === null ? t('network.test.noAnswer') : `HTTP ${result.status}`} ({result.elapsedMs}{' '}
          ms)
        </dd>
        {result.trusted === null ? null : (
          <>
            <dt>{t('network.test.certificate')}</dt>
            <dd className={result.trusted ? 'ok-text' : 'error-text'}>
              {t(result.trusted ? 'network.test.trusted' : 'network.test.untrusted')}
            </dd>
          </>
        )}
      </dl>
      {result.error ? <p className="error-text">{result.error[language]}</p> : null}
      {result.chain.length > 0 ? (
        <ol className="cert-chain" data-testid="network-test-chain">
          {result.chain.map((cert) => (
            <li key={cert.fingerprint} className="wrap-anywhere">
              {cert.subject} — {t('network.ca.issuer')}: {cert.issuer} — {t('network.ca.validTo')}:{' '}
              {cert.validTo.slice(0, 10)}
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  )
}

export function NetworkTest(): ReactNode {
  const t = useT()
  const id = useId()
  const [url, setUrl] = useState('')
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<NetworkTestResult | null>(null)
  const [error, setError] = useState<Localized | null>(null)

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    if (busy) return
    setBusy(true)
    setError(null)
    setResult(null)
    api['network.test']({ url }).then(
      (answer) => {
        setResult(answer)
        setBusy(false)
      },
      (e: unknown) => {
        setError(toLocalized(e))
        setBusy(false)
      },
    )
  }

  return (
    <form onSubmit={submit} noValidate data-testid="network-test-form">
      <label htmlFor={id} className="field-label">
        {t('network.test.url')}
      </label>
      <div className="form-actions">
        <input
          id={id}
          type="text"
          className="path-input"
          placeholder="https://calendar.example.co.jp/"
          spellCheck={false}
          autoComplete="off"
          maxLength={2000}
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          data-testid="network-test-url"
        />
        <Button type="submit" testId="network-test-run" disabled={url.trim() === ''}>
          {t('network.test.run')}
        </Button>
        {busy ? <Busy label={t('network.test.running')} /> : null}
      </div>
      <ErrorBanner message={error} onDismiss={() => setError(null)} />
      {result ? <Result result={result} /> : null}
    </form>
  )
}
