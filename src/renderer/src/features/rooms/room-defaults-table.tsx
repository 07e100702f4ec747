import type { ReactNode } from 'react'
import type { Language } from '../../../../shared/model/localized'
import { roomStateLabels, roomStates, type RoomDefaultRow } from '../../../../shared/model/rooms'
import { useLanguage, useT, type Translate } from '../../i18n'

/** A value of table F-2 as an admin reads it: on/off for switches, 「（空）」 for an empty text. */
function valueText(value: RoomDefaultRow['value'], t: Translate, language: Language): string {
  if (typeof value === 'boolean') return t(value ? 'rooms.on' : 'rooms.off')
  if (value === null || value === '') return t('rooms.empty')
  const state = roomStates.find((s) => s === value)
  if (state) return roomStateLabels[state][language]
  return String(value)
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
            <td className="room-value">{valueText(row.value, t, language)}</td>
            <td className="room-rule">{row.rule[language]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
