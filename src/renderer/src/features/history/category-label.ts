import { isLabelledCategory } from '../../../../shared/model/history-labels'
import type { Translate } from '../../i18n'

/** The word for a category Renkei writes; any other category (an imported or partner log's) as written. */
export function categoryText(t: Translate, category: string): string {
  return isLabelledCategory(category) ? t(`history.category.${category}`) : category
}
