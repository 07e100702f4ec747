/** 信頼する CA: the admin's CA bundles (PEM pasted or read from a file), trusted besides the system's. */
import type { ChangeEvent, ReactNode } from 'react'
import { useId, useState } from 'react'
import type { Localized } from '../../../../shared/model/localized'
import { maxCaPemLength, type NetworkState, type TrustedCa } from '../../../../shared/model/network'
import { Button } from '../../components/button'
import { ErrorBanner, Notice } from '../../components/messages'
import { localized, useT } from '../../i18n'
import { api } from '../../lib/api'
import { toLocalized } from '../../lib/errors'

interface Props {
  readonly state: NetworkState
  readonly onChanged: (state: NetworkState) => void
}

function CaRows({ ca, onRemove }: { ca: TrustedCa; onRemove: () => void }): ReactNode {
  const t = useT()
  return (
    <>
      {ca.certificates.map((cert, index) => (
        <tr key={cert.fingerprint} data-testid="network-ca-row">
          <td className="wrap-anywhere">{cert.subject}</td>
          <td className="wrap-anywhere">{cert.issuer}</td>
          <td>{cert.validTo.slice(0, 10)}</td>
          <td>
            {index === 0 ? (
              <Button testId="network-ca-remove" onClick={onRemove}>
                {t('network.ca.remove')}
              </Button>
            ) : null}
          </td>
        </tr>
      ))}
    </>
  )
}

export function TrustedCas({ state, onChanged }: Props): ReactNode {
  const t = useT()
  const id = useId()
  const [pem, setPem] = useState('')
  const [error, setError] = useState<Localized | null>(null)
  const [notice, setNotice] = useState<Localized | null>(null)

  const run = (work: Promise<NetworkState>, done: Localized): void => {
    setError(null)
    setNotice(null)
    work.then(
      (next) => {
        onChanged(next)
        setNotice(done)
      },
      (e: unknown) => setError(toLocalized(e)),
    )
  }
  const add = (): void => {
    run(
      api['network.ca.add']({ pem }).then((next) => {
        setPem('')
        return next
      }),
      localized('network.ca.added'),
    )
  }
  const readFile = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0]
    if (file) void file.text().then(setPem)
    event.target.value = ''
  }

  return (
    <div data-testid="network-cas">
      {state.trustedCas.length === 0 ? (
        <p className="note">{t('network.ca.none')}</p>
      ) : (
        <table className="grid network-ca-table">
          <thead>
            <tr>
              <th scope="col">{t('network.ca.subject')}</th>
              <th scope="col">{t('network.ca.issuer')}</th>
              <th scope="col">{t('network.ca.validTo')}</th>
              <th scope="col">
                <span className="sr-only">{t('network.ca.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {state.trustedCas.map((ca) => (
              <CaRows
                key={ca.id}
                ca={ca}
                onRemove={() => run(api['network.ca.remove']({ id: ca.id }), localized('network.ca.removed'))}
              />
            ))}
          </tbody>
        </table>
      )}
      <label htmlFor={id} className="field-label">
        {t('network.ca.pem')}
      </label>
      <textarea
        id={id}
        className="path-input pem-input"
        rows={4}
        maxLength={maxCaPemLength}
        placeholder="-----BEGIN CERTIFICATE-----"
        spellCheck={false}
        value={pem}
        onChange={(e) => setPem(e.target.value)}
        aria-describedby={`${id}-hint`}
        data-testid="network-ca-pem"
      />
      <span id={`${id}-hint`} className="field-hint">
        {t('network.ca.pemHint')}
      </span>
      <div className="form-actions">
        <Button testId="network-ca-add" disabled={pem.trim() === ''} onClick={add}>
          {t('network.ca.add')}
        </Button>
        <label className="button">
          {t('network.ca.file')}
          <input type="file" accept=".pem,.crt,.cer" className="sr-only" onChange={readFile} />
        </label>
      </div>
      <ErrorBanner message={error} onDismiss={() => setError(null)} />
      <Notice message={notice} onDismiss={() => setNotice(null)} />
    </div>
  )
}
