import type { ReactNode } from 'react'
import { Button } from '../../components/button'
import { EmptyState } from '../../components/messages'
import { Section } from '../../components/section'
import { useT } from '../../i18n'
import { useNavigationStore } from '../../stores/navigation-store'

/** No link engine exists yet: the section explains the first steps instead of showing an empty list. */
export function LinksSection(): ReactNode {
  const t = useT()
  const go = useNavigationStore((s) => s.go)
  return (
    <Section title={t('dashboard.links')} testId="links-section">
      <EmptyState title={t('dashboard.links.empty')} testId="links-empty">
        <ol className="steps">
          <li>{t('dashboard.links.step1')}</li>
          <li>{t('dashboard.links.step2')}</li>
          <li>{t('dashboard.links.step3')}</li>
        </ol>
        <Button primary onClick={() => go('settings')}>
          {t('dashboard.links.openSettings')}
        </Button>
      </EmptyState>
    </Section>
  )
}
