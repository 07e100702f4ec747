import type { ReactNode } from 'react'
import type { Language, Localized } from '../../../../shared/model/localized'
import { roomStateLabels, roomStates, type RoomDefaultRow } from '../../../../shared/model/rooms'
import { useLanguage, useT, type Translate } from '../../i18n'

/** The seed's words for the fixed codes of table F-2 (items 8, 12, 17, 18): what the admin knows them by. */
const codeWords: Readonly<Partial<Record<RoomDefaultRow['field'], Readonly<Record<string, Localized>>>>> = {
  type: { general: { ja: '一般', en: 'General' } },
  level: { top: { ja: '最上位の会議室', en: 'Top level' } },
  noticeMail: { none: { ja: '通知なし', en: 'None' } },
  messageLanguage: { ja: { ja: '日本語', en: 'Japanese' }, en: { ja: '英語', en: 'English' } },
}

/** A value of table F-2 as an admin reads it: on/off for switches, words for codes, 「（空）」 for an empty text. */
function valueText(row: RoomDefaultRow, t: Translate, language: Language): string {
  const { value } = row
  if (typeof value === 'boolean') return t(value ? 'rooms.on' : 'rooms.off')
  if (value === null || value === '') return t('rooms.empty')
  const state = roomStates.find((s) => s === value)
  if (state) return roomStateLabels[state][language]
  return codeWords[row.field]?.[String(value)]?.[language] ?? String(value)
}

/** The 23 items of table F-2 for one room: each value with the rule that produced it. */
export function RoomDefaultsTable({ rows }: { readonly rows: readonly RoomDefaultRow[] }): ReactNode {
  const t = useT()
  const language = useLanguage()
  return (
    <table className="grid room-defaults" data-testid="room-defaults">
      <thead>
        <tr>
          <th scope="col" className="room-item">
            {t('rooms.defaults.item')}
          </th>
          <th scope="col">{t('rooms.defaults.field')}</th>
          <th scope="col">{t('rooms.defaults.value')}</th>
          <th scope="col">{t('rooms.defaults.rule')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.item}-${row.field}`} data-testid="room-default-row" data-field={row.field}>
            <td className="room-item">{row.item}</td>
            <th scope="row">{row.label[language]}</th>
            <td className="room-value">{valueText(row, t, language)}</td>
            <td className="room-rule">{row.rule[language]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
