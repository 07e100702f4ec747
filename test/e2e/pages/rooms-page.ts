import type { Locator } from '@playwright/test'
import { AppPage } from './app-page'

/** The screen's tabs in their order (as `roomTabs` of the renderer's routes). */
export const roomTabs = ['communities', 'preview', 'parameters', 'notices', 'history'] as const
export type RoomTab = (typeof roomTabs)[number]

/** The Rooms screen (`#/rooms/<tab>`): communities, preview, system parameters, member notices, history. */
export class RoomsPage extends AppPage {
  readonly settingsForm = this.page.getByTestId('rooms-settings-form')
  readonly settingsSave = this.page.getByTestId('rooms-settings-save')
  readonly settingsBar = this.page.getByTestId('rooms-settings-save-bar')

  tab(tab: RoomTab): Locator {
    return this.page.getByTestId(`room-tab-${tab}`)
  }

  panel(tab: RoomTab): Locator {
    return this.page.getByTestId(`room-panel-${tab}`)
  }

  async openTab(tab: RoomTab): Promise<void> {
    await this.tab(tab).click()
    await this.panel(tab).waitFor()
  }

  /** Waits until the tab has finished loading (no progress line left). */
  async settled(tab: RoomTab): Promise<void> {
    await this.panel(tab).locator('.busy').first().waitFor({ state: 'detached' })
  }
}
