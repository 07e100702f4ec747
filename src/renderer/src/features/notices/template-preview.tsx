import type { ReactNode } from 'react'
import { useEffect, useState } from 'react'
import type { Localized } from '../../../../shared/model/localized'
import type { NoticePreview, NoticeTemplateInput } from '../../../../shared/model/notices'
import { Busy, ErrorBanner } from '../../components/messages'
import { useLanguage, useT } from '../../i18n'
import { api } from '../../lib/api'
import { toLocalized } from '../../lib/errors'

const debounceMs = 300

/**
 * The template as the kind's sample event fills it, asked again 300 ms after the last keystroke; its
 * problems (unknown name, unclosed `{{`) with line and column. An answer that arrives after newer typing is dropped.
 */
export function TemplatePreview({ input }: { readonly input: NoticeTemplateInput }): ReactNode {
  const t = useT()
  const language = useLanguage()
  const [preview, setPreview] = useState<NoticePreview | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<Localized | null>(null)
  const { kind, language: lang, subject, body } = input
  useEffect(() => {
    let live = true
    const timer = setTimeout(() => {
      setBusy(true)
      api['notice.templates.preview']({ kind, language: lang, subject, body })
        .then((p) => {
          if (!live) return
          setPreview(p)
          setError(null)
        })
        .catch((caught: unknown) => live && setError(toLocalized(caught)))
        .finally(() => live && setBusy(false))
    }, debounceMs)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [kind, lang, subject, body])
  return (
    <div className="notice-preview" data-testid="template-preview">
      <div className="notice-preview-head">
        <h3>{t('notices.templates.preview')}</h3>
        {busy ? <Busy label={t('notices.templates.previewing')} /> : null}
      </div>
      <ErrorBanner message={error} />
      {preview && preview.problems.length > 0 ? (
        <ul className="notice-problems error-text" role="alert" data-testid="template-problems">
          {preview.problems.map((p) => (
            <li key={p.en}>{p[language]}</li>
          ))}
        </ul>
      ) : null}
      {preview ? (
        <div className="notice-mail">
          <div className="notice-mail-subject" data-testid="template-preview-subject">
            {preview.subject}
          </div>
          <pre className="notice-mail-body" data-testid="template-preview-text">
            {preview.text}
          </pre>
        </div>
      ) : null}
      <p className="note">{t('notices.templates.previewNote')}</p>
    </div>
  )
}
