import type { ReactNode } from 'react'
import { useEffect, useRef } from 'react'
import { useNavigationStore } from '../stores/navigation-store'

/** The screen's h1; after a navigation it takes the focus so keyboard and screen-reader users land on it. */
export function ScreenTitle({ children }: { readonly children: ReactNode }): ReactNode {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (useNavigationStore.getState().navigated) ref.current?.focus()
  }, [])
  return (
    <h1 className="screen-title" tabIndex={-1} ref={ref}>
      {children}
    </h1>
  )
}
