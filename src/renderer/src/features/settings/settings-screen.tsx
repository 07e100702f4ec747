import type { ReactNode } from 'react'
import { useEffect } from 'react'
import { ScreenTitle } from '../../components/screen-title'
import { useT } from '../../i18n'
import { useAppStatusStore } from '../../stores/app-status-store'
import { AlertsSection } from './alerts-section'
import { GeneralSection } from './general-section'
import { NetworkSection } from './network-section'
import { SecretsSection } from './secrets-section'
import { SystemSection } from './system-section'

export function SettingsScreen(): ReactNode {
  const t = useT()
  useEffect(() => {
    // The history count and keychain state change without events: fetch them fresh on each visit.
    void useAppStatusStore.getState().load()
  }, [])
  return (
    <div className="screen" data-testid="screen-settings">
      <ScreenTitle>{t('settings.title')}</ScreenTitle>
      <SystemSection />
      <SecretsSection />
      <GeneralSection />
      <AlertsSection />
      <NetworkSection />
    </div>
  )
}
