import type { ReactNode } from 'react'
import { useState } from 'react'
import type { Localized } from '../../../../shared/model/localized'
import {
  noticeFields,
  noticeLanguages,
  noticeRecipientFields,
  type NoticeKind,
  type NoticeLanguage,
  type NoticeTemplate,
} from '../../../../shared/model/notices'
import { Busy, ErrorBanner, Notice } from '../../components/messages'
import { Section } from '../../components/section'
import { localized, useLanguage, useT } from '../../i18n'
import { api } from '../../lib/api'
import { toLocalized } from '../../lib/errors'
import { formatDateTime } from '../../lib/format'
import { useApiLoad } from '../../lib/use-api-load'
import { KindSelect } from './kind-select'
import { kindLabel } from './notice-labels'
import { TemplatePreview } from './template-preview'

const placeholders = [...noticeFields, ...noticeRecipientFields].map((f) => `{{${f}}}`).join(' ')

/** Subject and body of one kind and language, the live preview beside them, save and reset to built-in. */
function TemplateEditor(props: {
  readonly template: NoticeTemplate
  /** The saved template and what to say: the tab says it (this editor starts afresh from what was saved). */
  readonly onSaved: (saved: NoticeTemplate, done: Localized) => void
}): ReactNode {
  const t = useT()
  const { template } = props
  const [subject, setSubject] = useState(template.subject)
  const [body, setBody] = useState(template.body)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<Localized | null>(null)
  const input = { kind: template.kind, language: template.language, subject, body }
  const run = (work: Promise<NoticeTemplate>, done: Localized): void => {
    setBusy(true)
    setError(null)
    work
      .then((saved) => {
        setSubject(saved.subject)
        setBody(saved.body)
        props.onSaved(saved, done)
      })
      .catch((caught: unknown) => setError(toLocalized(caught)))
      .finally(() => setBusy(false))
  }
  const changed = subject !== template.subject || body !== template.body
  return (
    <div className="notice-template">
      <div className="notice-template-edit">
        <p className="muted" data-testid="template-origin">
          {template.custom
            ? t('notices.templates.custom', {
                at: template.updatedAt === null ? '' : formatDateTime(template.updatedAt),
              })
            : t('notices.templates.builtIn')}
        </p>
        <label className="notice-stack">
          <span>{t('notices.templates.subject')}</span>
          <input
            type="text"
            className="notice-wide"
            value={subject}
            maxLength={500}
            data-testid="template-subject"
            onChange={(e) => setSubject(e.target.value)}
          />
        </label>
        <label className="notice-stack">
          <span>{t('notices.templates.body')}</span>
          <textarea
            className="textarea-input notice-wide"
            rows={14}
            value={body}
            maxLength={10_000}
            data-testid="template-body"
            onChange={(e) => setBody(e.target.value)}
          />
        </label>
        <p className="field-hint block-hint">
          {t('notices.templates.placeholders')} <code>{placeholders}</code>
        </p>
        <ErrorBanner message={error} />
        <div className="form-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={busy || !changed}
            data-testid="template-save"
            onClick={() => run(api['notice.templates.save'](input), localized('notices.templates.saved'))}
          >
            {t('notices.save')}
          </button>
          <button
            type="button"
            className="button"
            disabled={busy || !template.custom}
            data-testid="template-reset"
            onClick={() =>
              run(
                api['notice.templates.reset']({ kind: template.kind, language: template.language }),
                localized('notices.templates.wasReset'),
              )
            }
          >
            {t('notices.templates.reset')}
          </button>
          {changed ? <span className="muted">{t('notices.templates.unsaved')}</span> : null}
          {busy ? <Busy label={t('notices.saving')} /> : null}
        </div>
      </div>
      <TemplatePreview input={input} />
    </div>
  )
}

/** テンプレート: a kind (grouped by product) and a language, its text in the seed's wording or the admin's own. */
export function TemplatesTab(): ReactNode {
  const t = useT()
  const uiLanguage = useLanguage()
  const [kind, setKind] = useState<NoticeKind>('schedule.changed')
  const [language, setLanguage] = useState<NoticeLanguage>(uiLanguage)
  const [saved, setSaved] = useState(0)
  const [notice, setNotice] = useState<Localized | null>(null)
  const list = useApiLoad(() => api['notice.templates.list']({}), [saved])
  const template = list.value?.find((x) => x.kind === kind && x.language === language) ?? null
  return (
    <Section title={t('notices.tab.templates')} testId="notice-templates">
      <div className="form-actions">
        <label htmlFor="template-kind">{t('notices.templates.kind')}</label>
        <KindSelect
          id="template-kind"
          value={kind}
          onChange={(k) => {
            setKind(k)
            setNotice(null)
          }}
        />
        <div className="radio-group" role="radiogroup" aria-label={t('notices.templates.language')}>
          {noticeLanguages.map((l) => (
            <label key={l}>
              <input
                type="radio"
                name="template-language"
                checked={language === l}
                data-testid={`template-language-${l}`}
                onChange={() => {
                  setLanguage(l)
                  setNotice(null)
                }}
              />
              {t(`notices.language.${l}`)}
            </label>
          ))}
        </div>
      </div>
      <ErrorBanner message={list.error} />
      <Notice message={notice} onDismiss={() => setNotice(null)} />
      {list.busy && !list.value ? <Busy label={t('app.loading')} /> : null}
      {template ? (
        <>
          <h3 className="sub-heading">
            {t(kindLabel(kind))} — {t(`notices.language.${language}`)}
          </h3>
          <TemplateEditor
            key={`${kind}/${language}/${template.updatedAt ?? 'built-in'}`}
            template={template}
            onSaved={(_, done) => {
              setSaved((n) => n + 1)
              setNotice(done)
            }}
          />
        </>
      ) : null}
    </Section>
  )
}
