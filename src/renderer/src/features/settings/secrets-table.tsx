import type { ReactNode } from 'react'
import { useState } from 'react'
import { secretGroups, type SecretGroup, type SecretInfo } from '../../../../shared/model/status'
import { useLanguage, useT } from '../../i18n'
import { useSecretsStore } from '../../stores/secrets-store'

interface ConfirmProps {
  readonly secret: SecretInfo
  readonly onDone: () => void
}

/** Clearing asks once; rotating says first what stops working, since every open tab and bookmark does. */
function Confirm({ secret, onDone }: ConfirmProps): ReactNode {
  const t = useT()
  const busy = useSecretsStore((s) => s.busy)
  const clear = useSecretsStore((s) => s.clear)
  const rotate = useSecretsStore((s) => s.rotateAccessToken)
  const rotating = secret.action === 'rotate'
  return (
    <span className={rotating ? 'confirm confirm-wrap' : 'confirm'} data-testid="secret-confirm">
      {rotating
        ? t('settings.secrets.rotateConfirm')
        : t('settings.secrets.confirmClear', { name: secret.name })}
      <button
        type="button"
        className="button button-small button-danger"
        disabled={busy}
        onClick={() => {
          onDone()
          void (rotating ? rotate() : clear(secret.name))
        }}
      >
        {t(rotating ? 'settings.secrets.rotateConfirmButton' : 'settings.secrets.confirm')}
      </button>
      <button type="button" className="button button-small" onClick={onDone}>
        {t('settings.secrets.cancel')}
      </button>
    </span>
  )
}

interface RowProps {
  readonly secret: SecretInfo
  readonly confirming: boolean
  readonly setConfirming: (name: string | null) => void
}

function SecretRow({ secret, confirming, setConfirming }: RowProps): ReactNode {
  const t = useT()
  const language = useLanguage()
  const busy = useSecretsStore((s) => s.busy)
  const rotating = secret.action === 'rotate'
  return (
    <tr data-testid="secret-row">
      <td className="secret-name">
        <code>{secret.name}</code>
      </td>
      <td className="secret-description">{secret.description?.[language] ?? ''}</td>
      <td className="nowrap">
        <span className={secret.set ? 'state state-set' : 'state state-unset'}>
          {t(secret.set ? 'settings.secrets.set' : 'settings.secrets.unset')}
        </span>
      </td>
      <td className="actions">
        {confirming ? (
          <Confirm secret={secret} onDone={() => setConfirming(null)} />
        ) : (
          <button
            type="button"
            className="button button-small"
            disabled={busy || !secret.set}
            aria-label={t(rotating ? 'settings.secrets.rotateFor' : 'settings.secrets.clearFor', {
              name: secret.name,
            })}
            onClick={() => setConfirming(secret.name)}
          >
            {t(rotating ? 'settings.secrets.rotate' : 'settings.secrets.clear')}
          </button>
        )}
      </td>
    </tr>
  )
}

interface GroupProps {
  readonly group: SecretGroup
  readonly secrets: readonly SecretInfo[]
  readonly confirming: string | null
  readonly setConfirming: (name: string | null) => void
}

function SecretGroupTable({ group, secrets, confirming, setConfirming }: GroupProps): ReactNode {
  const t = useT()
  return (
    <div className="secret-group" data-testid={`secret-group-${group}`}>
      <h3 className="sub-heading">{t(`settings.secrets.group.${group}`)}</h3>
      {group === 'own' ? <p className="note">{t('settings.secrets.groupHint.own')}</p> : null}
      <table className="grid secrets-table">
        <thead>
          <tr>
            <th scope="col" className="col-secret-name">
              {t('settings.secrets.col.name')}
            </th>
            <th scope="col">{t('settings.secrets.col.description')}</th>
            <th scope="col" className="col-secret-state">
              {t('settings.secrets.col.state')}
            </th>
            <th scope="col" className="col-secret-actions">
              {t('settings.secrets.col.actions')}
            </th>
          </tr>
        </thead>
        <tbody>
          {secrets.map((secret) => (
            <SecretRow
              key={secret.name}
              secret={secret}
              confirming={confirming === secret.name}
              setConfirming={setConfirming}
            />
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** One table per owner (directory, calendar users, Renkei itself, the admin's own), in that order. */
export function SecretsTable(): ReactNode {
  const secrets = useSecretsStore((s) => s.secrets) ?? []
  const [confirming, setConfirming] = useState<string | null>(null)
  return (
    <div data-testid="secrets-table">
      {secretGroups.map((group) => {
        const members = secrets.filter((secret) => secret.group === group)
        return members.length === 0 ? null : (
          <SecretGroupTable
            key={group}
            group={group}
            secrets={members}
            confirming={confirming}
            setConfirming={setConfirming}
          />
        )
      })}
    </div>
  )
}
