import type { FormEvent, ReactNode } from 'react'
import { useEffect, useRef, useState } from 'react'
import type { CalendarPairConfig, ConflictPolicy } from '../../../../shared/model/calendar-config'
import { calendarSecretName } from '../../../../shared/model/calendar-config'
import type { Localized } from '../../../../shared/model/localized'
import { Section } from '../../components/section'
import { localized, useT } from '../../i18n'
import { api } from '../../lib/api'
import { isApiError } from '../../lib/errors'
import { useCalendarStore } from '../../stores/calendar-store'
import { useSecretsStore } from '../../stores/secrets-store'
import type { DraftErrors } from '../directory/draft-to-config'
import { FieldErrorsContext, RadioRow, SelectRow } from '../directory/directory-fields'
import { DeletePair } from './delete-pair'
import type { Direction, PairDraft } from './pair-draft'
import { draftToPair, issuesToErrors, pairToDraft, sourceNeedsSecret, targetNeedsSecret } from './pair-draft'
import { PairSourceFields } from './pair-source-fields'
import { PairTargetFields } from './pair-target-fields'
import { PairUserFields } from './pair-user-fields'
import { SaveBar } from './save-bar'
import { takeSecrets } from './secret-row'
import type { SecretValue } from './use-save'
import { joined, useSave } from './use-save'

const policies: readonly ConflictPolicy[] = ['source-wins', 'target-wins', 'newer-wins', 'stop']

interface PairFormProps {
  /** The saved pair; null for a new one. */
  readonly config: CalendarPairConfig | null
  /** The form of a new pair starts from this (its suggested number). */
  readonly fresh: PairDraft
  readonly authorized: boolean | null
  readonly onSaved: (config: CalendarPairConfig) => void
  readonly onDirtyChange: (dirty: boolean) => void
}

interface FieldsProps {
  readonly draft: PairDraft
  readonly onChange: (draft: PairDraft) => void
}

/** 同期方法: one-way, or two-way (CalDAV sources only) with what wins when both sides changed. */
function SyncFields({ draft, onChange }: FieldsProps): ReactNode {
  const t = useT()
  const caldav = draft.sourceKind === 'caldav'
  return (
    <table className="form-table">
      <tbody>
        <RadioRow<Direction>
          path="direction"
          label={t('calendar.direction')}
          hint={caldav ? undefined : t('calendar.direction.feedOneWay')}
          options={[
            { value: 'one-way', label: t('calendar.direction.one-way') },
            ...(caldav ? [{ value: 'two-way' as const, label: t('calendar.direction.two-way') }] : []),
          ]}
          value={draft.direction}
          onChange={(direction) => onChange({ ...draft, direction })}
        />
        {draft.direction === 'two-way' ? (
          <SelectRow<ConflictPolicy>
            path="conflictPolicy"
            label={t('calendar.conflictPolicy')}
            hint={t('calendar.conflictPolicyHint')}
            options={policies.map((value) => ({ value, label: t(`calendar.policy.${value}`) }))}
            value={draft.conflictPolicy}
            onChange={(conflictPolicy) => onChange({ ...draft, conflictPolicy })}
          />
        ) : null}
      </tbody>
    </table>
  )
}

/** The secrets typed with a valid pair, under the keychain names of that pair. */
function secretsFor(config: CalendarPairConfig, draft: PairDraft, typed: ReadonlyMap<string, string>) {
  const secrets: SecretValue[] = []
  const source = typed.get('source')
  const target = typed.get('target')
  if (source && sourceNeedsSecret(draft)) {
    secrets.push({ name: calendarSecretName(config.id, 'source'), value: source })
  }
  if (target && targetNeedsSecret(draft)) {
    secrets.push({ name: calendarSecretName(config.id, 'target'), value: target })
  }
  return secrets
}

/** Seed 001 §2.3 ユーザー同期設定: who, from where, to where, how; one save for all of it. */
export function PairForm({ config, fresh, authorized, onSaved, onDirtyChange }: PairFormProps): ReactNode {
  const t = useT()
  const formRef = useRef<HTMLFormElement>(null)
  const base = config ? pairToDraft(config) : fresh
  const [draft, setDraft] = useState(base)
  const [errors, setErrors] = useState<DraftErrors>(new Map())
  const [refusals, setRefusals] = useState(0)
  const saver = useSave()
  // A newly saved pair resets the form in place, so the focus stays on 「保存」.
  const [shown, setShown] = useState(config)
  if (shown !== config) {
    setShown(config)
    setDraft(base)
    setErrors(new Map())
  }
  const dirty = JSON.stringify(draft) !== JSON.stringify(base)
  const pairs = useCalendarStore((s) => s.status?.pairs)
  const savedGoogle = config?.target.preset === 'google' && !dirty ? config.id : null

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange])

  useEffect(() => {
    if (refusals > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [refusals])

  const refuse = (found: DraftErrors): void => {
    setErrors(found)
    setRefusals((n) => n + 1)
  }

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    const typed = takeSecrets(event.currentTarget)
    const result = draftToPair(
      draft,
      (pairs ?? []).filter((p) => p.id !== config?.id),
    )
    if ('errors' in result) {
      refuse(result.errors)
      saver.fail(localized('calendar.error.form', { count: result.errors.size }))
      return
    }
    setErrors(new Map())
    const pair = result.config
    // Credentials written into a URL are moved to the keychain by the core: show what it stored.
    let stored = pair
    let moved: Localized | null = null
    const write = async (): Promise<void> => {
      try {
        const answer = await api['calendar.pairs.save'](pair)
        if (answer.notice) {
          moved = answer.notice
          stored = await api['calendar.pairs.get']({ id: pair.id })
          await useSecretsStore.getState().load()
        }
      } catch (error) {
        if (isApiError(error, 'invalid-input')) refuse(issuesToErrors(error.detail, draft.targetPreset))
        throw error
      }
    }
    const saved = localized('calendar.pair.saved', { name: pair.name })
    const done = (): Localized => (moved ? joined(saved, moved) : saved)
    void saver.save(write, secretsFor(pair, draft, typed), done).then((ok) => {
      if (ok) onSaved(stored)
    })
  }

  const fields = { draft, onChange: setDraft }
  return (
    <form ref={formRef} onSubmit={submit} noValidate data-testid="pair-form">
      <FieldErrorsContext.Provider value={errors}>
        <Section title={t('calendar.pair.user')} testId="pair-user">
          <PairUserFields {...fields} isNew={config === null} />
        </Section>
        <Section title={t('calendar.pair.source')} testId="pair-source">
          <PairSourceFields {...fields} pairId={draft.id.trim()} />
        </Section>
        <Section title={t('calendar.pair.target')} testId="pair-target">
          <PairTargetFields
            {...fields}
            pairId={draft.id.trim()}
            savedGoogleId={savedGoogle}
            authorized={authorized}
          />
        </Section>
        <Section title={t('calendar.pair.sync')} testId="pair-sync">
          <SyncFields {...fields} />
          <SaveBar state={saver.state} dirty={dirty} testId="pair-save" onDismiss={saver.dismiss}>
            {config ? <DeletePair id={config.id} name={config.name} /> : null}
          </SaveBar>
        </Section>
      </FieldErrorsContext.Provider>
    </form>
  )
}
