import { directoryConfig } from '../../../../shared/model/directory-config'
import { JsonSetting } from '../../settings/json-setting'
import type { Db } from '../../store/database'

/** The directory settings as one JSON document, changed by merge patches (`update`). */
export class DirectoryConfigRepository extends JsonSetting<typeof directoryConfig> {
  constructor(db: Db) {
    super(db, 'directory.config', directoryConfig, {
      ja: 'ディレクトリ同期の設定',
      en: 'directory sync settings',
    })
  }
}
