import type { ReactNode } from 'react'
import type { NoticeKind } from '../../../../shared/model/notices'
import { useT } from '../../i18n'
import { kindLabel, kindsByProduct, productLabel } from './notice-labels'

/** An event kind, grouped by product as seed ⑥'s table lists them (スケジュール, 設備予約, ToDo, 伝言・所在 …). */
export function KindSelect(props: {
  readonly id: string
  readonly value: NoticeKind
  readonly onChange: (kind: NoticeKind) => void
}): ReactNode {
  const t = useT()
  return (
    <select
      id={props.id}
      value={props.value}
      data-testid={props.id}
      onChange={(e) => props.onChange(e.target.value as NoticeKind)}
    >
      {kindsByProduct.map(([product, kinds]) => (
        <optgroup key={product} label={t(productLabel(product))}>
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(kindLabel(kind))}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  )
}
