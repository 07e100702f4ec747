import type { ReactNode } from 'react'
import { useEffect } from 'react'
import { Busy, ErrorBanner } from '../../components/messages'
import { ScreenTitle } from '../../components/screen-title'
import { useT } from '../../i18n'
import { useDirectoryStore } from '../../stores/directory-store'
import { useSecretsStore } from '../../stores/secrets-store'
import { ConfigForm } from './config-form'
import { HomeDirectorySection } from './home-directory-section'
import { PreviewSection } from './preview-section'
import { StatusSection } from './status-section'
import './directory.css'

/** The settings form once the saved configuration is known. */
function DirectorySettings(): ReactNode {
  const t = useT()
  const config = useDirectoryStore((s) => s.config)
  const error = useDirectoryStore((s) => s.configError)
  if (!config) return error ? <ErrorBanner message={error} /> : <Busy label={t('app.loading')} />
  return <ConfigForm config={config} />
}

/** Directory sync: status, source, target, schedule and guards, dry run and run, and the home directory. */
export function DirectoryScreen(): ReactNode {
  const t = useT()
  useEffect(() => {
    const store = useDirectoryStore.getState()
    void store.loadConfig()
    void store.loadStatus()
    // Whether each password is set can change from the Settings screen or the CLI.
    void useSecretsStore.getState().load()
  }, [])
  return (
    <div className="screen directory-screen" data-testid="screen-directory">
      <ScreenTitle>{t('directory.title')}</ScreenTitle>
      <StatusSection />
      <DirectorySettings />
      <PreviewSection />
      <HomeDirectorySection />
    </div>
  )
}
