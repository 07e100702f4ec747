import type { ReactNode } from 'react'
import type { NoticeTargetView } from '../../../../shared/model/notices'
import {
  roomMailmanPasswordSecret,
  roomStateLabels,
  roomStates,
  systemParameterLabels,
} from '../../../../shared/model/rooms'
import { CheckRow, NumberRow, SelectRow, TextAreaRow, TextFieldRow } from '../../components/field-rows'
import { useLanguage, useT } from '../../i18n'
import { SecretRow } from '../calendar/secret-row'
import { periodKeys, type RoomSettingsDraft } from './settings-draft'

export interface FieldsProps {
  readonly draft: RoomSettingsDraft
  readonly edit: (patch: Partial<RoomSettingsDraft>) => void
}

/** The six システムパラメタ under the seed's own names (English beside them in the English UI). */
export function ParameterRows({ draft, edit }: FieldsProps): ReactNode {
  const t = useT()
  const language = useLanguage()
  // The model's English labels start in lower case (they also go inside sentences): a form label starts upper.
  const label = (key: keyof typeof systemParameterLabels): string => {
    const text = systemParameterLabels[key][language]
    return text.charAt(0).toUpperCase() + text.slice(1)
  }
  return (
    <table className="form-table room-form">
      <tbody>
        <CheckRow
          label={t('rooms.settings.enabled')}
          text={t('rooms.settings.enabledText')}
          checked={draft.enabled}
          testId="rooms-enabled"
          onChange={(enabled) => edit({ enabled })}
        />
        <SelectRow
          label={label('autoCreatedRoomState')}
          value={draft.autoCreatedRoomState}
          testId="rooms-param-autoCreatedRoomState"
          options={roomStates.map((s) => [s, roomStateLabels[s][language]] as const)}
          onChange={(autoCreatedRoomState) => edit({ autoCreatedRoomState })}
        />
        {periodKeys.map((key) => (
          <NumberRow
            key={key}
            label={label(key)}
            value={draft[key]}
            testId={`rooms-param-${key}`}
            min={0}
            max={36500}
            hint={t('rooms.settings.daysHint')}
            onChange={(value) => edit({ [key]: value })}
          />
        ))}
        <CheckRow
          label={label('postMailDefault')}
          text={t('rooms.settings.postMailText')}
          checked={draft.postMailDefault}
          testId="rooms-param-postMailDefault"
          onChange={(postMailDefault) => edit({ postMailDefault })}
        />
        <CheckRow
          label={label('memberNoticeDefault')}
          text={t('rooms.settings.memberNoticeText')}
          checked={draft.memberNoticeDefault}
          testId="rooms-param-memberNoticeDefault"
          onChange={(memberNoticeDefault) => edit({ memberNoticeDefault })}
        />
      </tbody>
    </table>
  )
}

/** Which home-directory groups are communities, and who owns a room when the directory names no creator. */
export function CommunityRuleRows({ draft, edit }: FieldsProps): ReactNode {
  const t = useT()
  return (
    <table className="form-table room-form">
      <tbody>
        <TextAreaRow
          label={t('rooms.settings.codePatterns')}
          value={draft.codePatterns}
          testId="rooms-code-patterns"
          rows={3}
          placeholder="comm-*"
          hint={t('rooms.settings.codePatternsHint')}
          onChange={(codePatterns) => edit({ codePatterns })}
        />
        <TextAreaRow
          label={t('rooms.settings.codes')}
          value={draft.codes}
          testId="rooms-codes"
          rows={3}
          hint={t('rooms.settings.codesHint')}
          onChange={(codes) => edit({ codes })}
        />
        <TextFieldRow
          label={t('rooms.settings.defaultOwner')}
          value={draft.defaultOwner}
          testId="rooms-default-owner"
          hint={t('rooms.settings.defaultOwnerHint')}
          onChange={(defaultOwner) => edit({ defaultOwner })}
        />
        <TextAreaRow
          label={t('rooms.settings.owners')}
          value={draft.owners}
          testId="rooms-owners"
          rows={3}
          placeholder="comm-sales = u0001"
          hint={t('rooms.settings.ownersHint')}
          onChange={(owners) => edit({ owners })}
        />
      </tbody>
    </table>
  )
}

/** Mailman 3's REST API; the password is a keychain secret, typed here and never shown again. */
export function TargetRows({ draft, edit }: FieldsProps): ReactNode {
  const t = useT()
  return (
    <table className="form-table room-form">
      <tbody>
        <TextFieldRow
          label={t('rooms.settings.restUrl')}
          value={draft.restUrl}
          testId="rooms-rest-url"
          placeholder="http://127.0.0.1:8001/3.1/"
          onChange={(restUrl) => edit({ restUrl })}
        />
        <TextFieldRow
          label={t('rooms.settings.username')}
          value={draft.username}
          testId="rooms-username"
          onChange={(username) => edit({ username })}
        />
        <SecretRow
          slot="mailman"
          secretName={roomMailmanPasswordSecret}
          label={t('rooms.settings.password')}
        />
        <TextFieldRow
          label={t('rooms.settings.mailDomain')}
          value={draft.mailDomain}
          testId="rooms-mail-domain"
          placeholder="lists.example.co.jp"
          onChange={(mailDomain) => edit({ mailDomain })}
        />
        <TextFieldRow
          label={t('rooms.settings.roomBaseUrl')}
          value={draft.roomBaseUrl}
          testId="rooms-room-base-url"
          placeholder="https://lists.example.co.jp/mailman3/lists/"
          hint={t('rooms.settings.roomBaseUrlHint')}
          onChange={(roomBaseUrl) => edit({ roomBaseUrl })}
        />
      </tbody>
    </table>
  )
}

/** How plans are applied and how member-added notices leave (the notice relay's SMTP targets only). */
export function OperationRows(
  props: FieldsProps & { readonly targets: readonly NoticeTargetView[] },
): ReactNode {
  const t = useT()
  const { draft, edit } = props
  const smtp = props.targets.filter((v) => v.target.kind === 'smtp')
  const options: (readonly [string, string])[] = [
    ['', t('rooms.settings.noNoticeTarget')],
    ...smtp.map((v) => [v.target.id, `${v.target.name} (${v.target.id})`] as const),
  ]
  // A saved target that is gone (or not SMTP any more) stays visible, so saving does not silently change it.
  if (draft.noticeTargetId && !smtp.some((v) => v.target.id === draft.noticeTargetId)) {
    options.push([draft.noticeTargetId, t('rooms.settings.missingTarget', { id: draft.noticeTargetId })])
  }
  return (
    <table className="form-table room-form">
      <tbody>
        <CheckRow
          label={t('rooms.settings.autoApply')}
          text={t('rooms.settings.autoApplyText')}
          checked={draft.autoApply}
          testId="rooms-auto-apply"
          onChange={(autoApply) => edit({ autoApply })}
        />
        <CheckRow
          label={t('rooms.settings.oneMail')}
          text={t('rooms.settings.oneMailText')}
          checked={draft.oneMailOnCreate}
          testId="rooms-one-mail"
          onChange={(oneMailOnCreate) => edit({ oneMailOnCreate })}
        />
        <SelectRow
          label={t('rooms.settings.noticeTarget')}
          value={draft.noticeTargetId}
          testId="rooms-notice-target"
          options={options}
          hint={t('rooms.settings.noticeTargetHint')}
          onChange={(noticeTargetId) => edit({ noticeTargetId })}
        />
        <TextFieldRow
          label={t('rooms.settings.sendAt')}
          value={draft.sendNoticesAt}
          testId="rooms-send-at"
          placeholder="08:30"
          hint={t('rooms.settings.sendAtHint')}
          onChange={(sendNoticesAt) => edit({ sendNoticesAt })}
        />
      </tbody>
    </table>
  )
}
