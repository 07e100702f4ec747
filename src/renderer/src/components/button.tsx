import type { ReactNode } from 'react'

interface ButtonProps {
  readonly type?: 'button' | 'submit'
  /** The main action of its block: at most one per form or panel. */
  readonly primary?: boolean
  readonly disabled?: boolean
  readonly testId?: string
  readonly onClick?: () => void
  readonly children: ReactNode
}

/** The standard text button of forms, panels and section bands. */
export function Button({
  type = 'button',
  primary = false,
  disabled,
  testId,
  onClick,
  children,
}: ButtonProps): ReactNode {
  return (
    <button
      type={type}
      className={primary ? 'button button-primary' : 'button'}
      disabled={disabled}
      data-testid={testId}
      onClick={onClick}
    >
      {children}
    </button>
  )
}
