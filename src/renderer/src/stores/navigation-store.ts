import { create } from 'zustand'

export const screens = ['dashboard', 'directory', 'calendar', 'history', 'settings'] as const
export type Screen = (typeof screens)[number]

/** Kept per tab so a reload stays on the same screen. */
const screenKey = 'renkei.screen'

function initialScreen(): Screen {
  try {
    const saved = sessionStorage.getItem(screenKey)
    return screens.find((s) => s === saved) ?? 'dashboard'
  } catch {
    return 'dashboard'
  }
}

interface NavigationState {
  readonly screen: Screen
  /** True once the admin has moved between screens: then the new screen's title takes the focus. */
  readonly navigated: boolean
  go(screen: Screen): void
}

export const useNavigationStore = create<NavigationState>()((set) => ({
  screen: initialScreen(),
  navigated: false,
  go(screen) {
    try {
      sessionStorage.setItem(screenKey, screen)
    } catch {
      // Storage may be disabled: navigation still works for this page.
    }
    set({ screen, navigated: true })
  },
}))
