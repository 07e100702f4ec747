import type { ReactNode } from 'react'
import { useEffect, useState } from 'react'
import { Busy, ErrorBanner } from '../../components/messages'
import { ScreenTitle } from '../../components/screen-title'
import { useT } from '../../i18n'
import type { DirectoryStep } from '../../lib/routes'
import { useDirectoryStore } from '../../stores/directory-store'
import { useNavigationStore } from '../../stores/navigation-store'
import { useSecretsStore } from '../../stores/secrets-store'
import { ConfigForm } from './config-form'
import { HomeDirectorySection } from './home-directory-section'
import { PreviewSection } from './preview-section'
import { RunSection } from './run-section'
import { StatusSection } from './status-section'
import { StepFooter, StepTabs } from './step-tabs'
import './directory.css'

/**
 * The settings form once the saved configuration is known. Mounted on every step (hidden on preview and
 * run) so unsaved edits and typed passwords survive a look at the preview.
 */
interface DirectorySettingsProps {
  readonly step: DirectoryStep
  readonly onProblemSteps: (steps: ReadonlySet<DirectoryStep>) => void
}

function DirectorySettings({ step, onProblemSteps }: DirectorySettingsProps): ReactNode {
  const t = useT()
  const config = useDirectoryStore((s) => s.config)
  const error = useDirectoryStore((s) => s.configError)
  const onForm = step === 'source' || step === 'target' || step === 'schedule'
  if (!config)
    return onForm ? error ? <ErrorBanner message={error} /> : <Busy label={t('app.loading')} /> : null
  return <ConfigForm config={config} step={step} onProblemSteps={onProblemSteps} />
}

/**
 * Directory sync in five steps, each its own URL (`#/directory/<step>`): source → target → schedule and
 * guards → preview → run (with the status and the home directory the run fills).
 */
export function DirectoryScreen(): ReactNode {
  const t = useT()
  const step = useNavigationStore((s) => (s.route.screen === 'directory' ? s.route.step : 'source'))
  const [problemSteps, setProblemSteps] = useState<ReadonlySet<DirectoryStep>>(new Set())
  useEffect(() => {
    const store = useDirectoryStore.getState()
    void store.loadConfig()
    void store.loadStatus()
    // Whether each password is set can change from the Settings screen or the CLI.
    void useSecretsStore.getState().load()
  }, [])
  return (
    <div className="screen directory-screen" data-testid="screen-directory" data-step={step}>
      <ScreenTitle>{t('directory.title')}</ScreenTitle>
      <StepTabs current={step} problems={problemSteps} />
      <DirectorySettings step={step} onProblemSteps={setProblemSteps} />
      {step === 'preview' ? <PreviewSection /> : null}
      {step === 'run' ? (
        <>
          <RunSection />
          <StatusSection />
          <HomeDirectorySection />
        </>
      ) : null}
      <StepFooter current={step} />
    </div>
  )
}
