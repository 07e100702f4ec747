import type { FormEvent, ReactNode, RefObject } from 'react'
import { useEffect, useRef, useState } from 'react'
import type { DirectoryConfig } from '../../../../shared/model/directory-config'
import { Button } from '../../components/button'
import { Busy, ErrorBanner, Notice } from '../../components/messages'
import { localized, useT } from '../../i18n'
import type { DirectoryStep } from '../../lib/routes'
import { directorySteps } from '../../lib/routes'
import { useDirectoryStore } from '../../stores/directory-store'
import { useNavigationStore } from '../../stores/navigation-store'
import { configToDraft } from './config-draft'
import { FieldErrorsContext } from './directory-fields'
import type { DraftErrors, FieldError } from './draft-to-config'
import { draftChanged, draftToConfig } from './draft-to-config'
import { OwnershipSection } from './ownership-section'
import { ScheduleSection } from './schedule-section'
import { passwordPairPath, readSecretInputs } from './secret-fields'
import { SourceSection } from './source-section'
import { TargetSection } from './target-section'

function SaveBar({ dirty }: { readonly dirty: boolean }): ReactNode {
  const t = useT()
  const saving = useDirectoryStore((s) => s.saving)
  const error = useDirectoryStore((s) => s.saveError)
  const notice = useDirectoryStore((s) => s.saveNotice)
  const dismiss = useDirectoryStore((s) => s.dismissSave)
  return (
    <div className="save-bar" data-testid="directory-save-bar">
      <div className="form-actions">
        {/* Not disabled while saving: a disabled button drops the keyboard focus; a second submit is ignored. */}
        <Button type="submit" primary testId="directory-save">
          {t('directory.save')}
        </Button>
        {saving ? <Busy label={t('settings.saving')} /> : null}
        {dirty && !saving ? <span className="dirty-note">{t('directory.unsaved')}</span> : null}
      </div>
      <ErrorBanner message={error} onDismiss={dismiss} />
      <Notice message={notice} onDismiss={dismiss} />
    </div>
  )
}

/**
 * After a refused save, the first problem takes the focus — on its own step, which is opened first when
 * it is another one (the steps of the form stay mounted, only hidden, so nothing typed is lost).
 */
function useFocusFirstProblem(
  formRef: RefObject<HTMLFormElement | null>,
  refusals: number,
  step: DirectoryStep,
): void {
  const pending = useRef(false)
  useEffect(() => {
    if (refusals > 0) pending.current = true
  }, [refusals])
  useEffect(() => {
    if (!pending.current) return
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')
    const own = first?.closest<HTMLElement>('[data-step]')?.dataset.step
    const ownStep = directorySteps.find((s) => s === own)
    if (ownStep && ownStep !== step) {
      useNavigationStore.getState().navigate({ screen: 'directory', step: ownStep })
      return
    }
    pending.current = false
    first?.focus()
  }, [formRef, refusals, step])
}

/** Tells which steps hold a problem after each save attempt, so the step links can point them out. */
function useProblemSteps(
  formRef: RefObject<HTMLFormElement | null>,
  errors: DraftErrors,
  onProblemSteps: (steps: ReadonlySet<DirectoryStep>) => void,
): void {
  useEffect(() => {
    const panes = formRef.current?.querySelectorAll<HTMLElement>('[data-step]') ?? []
    const steps = new Set<DirectoryStep>()
    for (const pane of panes) {
      const step = directorySteps.find((s) => s === pane.dataset.step)
      if (step && pane.querySelector('[aria-invalid="true"]')) steps.add(step)
    }
    onProblemSteps(steps)
  }, [formRef, errors, onProblemSteps])
}

interface ConfigFormProps {
  readonly config: DirectoryConfig
  /** The step on screen; the form's other steps stay mounted but hidden. */
  readonly step: DirectoryStep
  readonly onProblemSteps: (steps: ReadonlySet<DirectoryStep>) => void
}

/**
 * Source, target and schedule in one form with one save: the core takes the whole configuration at
 * once. Typed secrets go to the keychain right after the configuration is accepted.
 */
export function ConfigForm({ config, step, onProblemSteps }: ConfigFormProps): ReactNode {
  const formRef = useRef<HTMLFormElement>(null)
  const [draft, setDraft] = useState(() => configToDraft(config))
  const [errors, setErrors] = useState<DraftErrors>(new Map())
  // A newly saved configuration resets the form in place (not by re-creating it: the focus stays on "保存").
  const [shown, setShown] = useState(config)
  if (shown !== config) {
    setShown(config)
    setDraft(configToDraft(config))
    setErrors(new Map())
  }
  /** Bumped by each refused save so the focus moves to the first problem after it is drawn. */
  const [refusals, setRefusals] = useState(0)
  const save = useDirectoryStore((s) => s.save)
  const setSaveError = useDirectoryStore((s) => s.setSaveError)
  const dirty = draftChanged(draft, config)

  useFocusFirstProblem(formRef, refusals, step)
  useProblemSteps(formRef, errors, onProblemSteps)

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    if (useDirectoryStore.getState().saving) return
    const result = draftToConfig(draft)
    const typed = readSecretInputs(event.currentTarget)
    const found = new Map<string, FieldError>('errors' in result ? result.errors : [])
    if (typed.mismatch) {
      found.set(passwordPairPath, { key: 'directory.error.passwordMismatch' })
      typed.clearConfirmed()
    }
    setErrors(found)
    if (!('config' in result) || found.size > 0) {
      setSaveError(localized('directory.error.form', { count: found.size }))
      setRefusals((n) => n + 1)
      return
    }
    // The values are in `typed` now: empty the fields whatever the core answers.
    typed.clearAll()
    void save(result.config, typed.secrets)
  }

  return (
    <form
      ref={formRef}
      onSubmit={submit}
      noValidate
      data-testid="directory-config-form"
      hidden={step === 'preview' || step === 'run'}
    >
      <FieldErrorsContext.Provider value={errors}>
        <div data-step="source" hidden={step !== 'source'}>
          <SourceSection draft={draft} onChange={setDraft} dirty={dirty} />
        </div>
        <div data-step="target" hidden={step !== 'target'}>
          <TargetSection draft={draft} onChange={setDraft} dirty={dirty} />
          <OwnershipSection draft={draft} onChange={setDraft} />
        </div>
        <div data-step="schedule" hidden={step !== 'schedule'}>
          <ScheduleSection draft={draft} onChange={setDraft} />
        </div>
        <SaveBar dirty={dirty} />
      </FieldErrorsContext.Provider>
    </form>
  )
}
