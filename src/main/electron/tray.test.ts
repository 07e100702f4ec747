import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeCore, settingsWith } from './fake-core'
import { createTray } from './tray'

interface Item {
  readonly label?: string
  readonly type?: string
  readonly click?: () => void
}

const electron = vi.hoisted(() => ({
  menus: [] as Item[][],
  trays: [] as { toolTip?: string; menu?: Item[]; handlers: Map<string, () => void>; image: unknown }[],
  notifications: [] as { title: string; body: string }[],
}))

vi.mock('electron', () => ({
  nativeImage: { createFromPath: (path: string) => ({ path }) },
  Menu: {
    buildFromTemplate: (template: Item[]) => {
      electron.menus.push(template)
      return template
    },
  },
  Tray: class {
    handlers = new Map<string, () => void>()
    toolTip?: string
    menu?: Item[]
    constructor(public image: unknown) {
      electron.trays.push(this)
    }
    setToolTip(text: string) {
      this.toolTip = text
    }
    setContextMenu(menu: Item[]) {
      this.menu = menu
    }
    on(event: string, handler: () => void) {
      this.handlers.set(event, handler)
    }
  },
  Notification: class {
    static isSupported = () => true
    constructor(private readonly options: { title: string; body: string }) {}
    on() {}
    show() {
      electron.notifications.push(this.options)
    }
  },
}))

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))
const labels = (menu: Item[] | undefined) =>
  (menu ?? []).filter((item) => item.label).map((item) => item.label)
const item = (menu: Item[] | undefined, label: string) => {
  const found = menu?.find((entry) => entry.label === label)
  if (!found?.click) throw new Error(`no menu item "${label}"`)
  return found.click
}

describe('createTray', () => {
  beforeEach(() => {
    electron.menus.length = 0
    electron.trays.length = 0
    electron.notifications.length = 0
  })

  function setUp(language: 'ja' | 'en' = 'ja') {
    const core = fakeCore({ language })
    const openWindow = vi.fn()
    const quit = vi.fn()
    createTray({ core, iconPath: '/r/tray-icon.png', openWindow, quit })
    const tray = electron.trays[0]!
    return { core, openWindow, quit, tray }
  }

  it('shows the icon with the Renkei tooltip and a Japanese menu', async () => {
    const { tray } = setUp()
    await flush()
    expect(tray.image).toEqual({ path: '/r/tray-icon.png' })
    expect(tray.toolTip).toBe('Renkei 連携')
    expect(labels(tray.menu)).toEqual([
      '開く',
      '今すぐ送信（すべて）',
      'すべて一時停止',
      'すべて再開',
      '終了',
    ])
  })

  it('menu items call the matching core methods for every job', async () => {
    const { core, tray, openWindow, quit } = setUp()
    await flush()
    item(tray.menu, '今すぐ送信（すべて）')()
    item(tray.menu, 'すべて一時停止')()
    item(tray.menu, 'すべて再開')()
    expect(core.invoke.mock.calls).toEqual([
      ['jobs.runNow', {}],
      ['jobs.pause', {}],
      ['jobs.resume', {}],
    ])
    item(tray.menu, '開く')()
    expect(openWindow).toHaveBeenCalledTimes(1)
    item(tray.menu, '終了')()
    expect(quit).toHaveBeenCalledTimes(1)
  })

  it('"send now" opens the window when the core left a run out for its confirmation', async () => {
    const { core, tray, openWindow } = setUp()
    await flush()
    core.invoke.mockResolvedValueOnce({
      ok: true,
      value: { started: ['calendar.sync'], needsConfirmation: [] },
    })
    item(tray.menu, '今すぐ送信（すべて）')()
    await flush()
    expect(openWindow).not.toHaveBeenCalled()

    core.invoke.mockResolvedValueOnce({
      ok: true,
      value: { started: ['calendar.sync'], needsConfirmation: ['directory.sync'] },
    })
    item(tray.menu, '今すぐ送信（すべて）')()
    await flush()
    expect(core.invoke).toHaveBeenLastCalledWith('jobs.runNow', {})
    expect(openWindow).toHaveBeenCalledTimes(1)
    expect(electron.notifications).toEqual([])
  })

  it('clicking the icon opens the window', () => {
    const { tray, openWindow } = setUp()
    tray.handlers.get('click')?.()
    expect(openWindow).toHaveBeenCalledTimes(1)
  })

  it('follows the language setting at start and on settings.changed', async () => {
    const { core, tray } = setUp('en')
    await flush()
    expect(labels(tray.menu)).toEqual(['Open', 'Send now (all)', 'Pause all', 'Resume all', 'Quit'])
    core.emit('settings.changed', settingsWith({ language: 'ja' }))
    expect(labels(tray.menu)).toEqual([
      '開く',
      '今すぐ送信（すべて）',
      'すべて一時停止',
      'すべて再開',
      '終了',
    ])
  })

  it('reports a failed action in a notification, in the menu language', async () => {
    const { core, tray } = setUp('en')
    await flush()
    core.invoke.mockResolvedValueOnce({
      ok: false,
      error: { code: 'internal', message: { ja: '失敗しました', en: 'It failed' } },
    })
    item(tray.menu, 'Send now (all)')()
    await flush()
    expect(electron.notifications).toEqual([{ title: 'Renkei 連携', body: 'It failed' }])
  })
})
