import type { ReactNode } from 'react'
import { TextFieldRow } from '../../components/field-rows'
import { useT } from '../../i18n'
import type { XmppAccount } from './xmpp-account'

/** Where an XMPP account lives and its name: the same three rows for a chat target and a chat source. */
export function XmppRows(props: {
  readonly account: XmppAccount
  /** e.g. `target-xmpp`: the rows are `<prefix>-service`, `-domain`, `-username`. */
  readonly testIdPrefix: string
  readonly onChange: (key: keyof XmppAccount) => (value: string) => void
}): ReactNode {
  const t = useT()
  const { account, testIdPrefix, onChange } = props
  return (
    <>
      <TextFieldRow
        label={t('notices.xmpp.service')}
        value={account.service}
        testId={`${testIdPrefix}-service`}
        hint={t('notices.xmpp.serviceHint')}
        onChange={onChange('service')}
      />
      <TextFieldRow
        label={t('notices.xmpp.domain')}
        value={account.domain}
        testId={`${testIdPrefix}-domain`}
        onChange={onChange('domain')}
      />
      <TextFieldRow
        label={t('notices.xmpp.username')}
        value={account.username}
        testId={`${testIdPrefix}-username`}
        onChange={onChange('username')}
      />
    </>
  )
}
