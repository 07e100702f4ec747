import { useEffect, useState } from 'react'
import { transport } from '../../lib/api'

/**
 * A number that grows each time the notice queue changes (queued, sent, set aside, retried) or the event
 * stream comes back; a load that names it among its deps reads again then.
 */
export function useNoticeChanged(): number {
  const [version, setVersion] = useState(0)
  useEffect(() => {
    const bump = (): void => setVersion((v) => v + 1)
    const offs = [transport.subscribe('notice.changed', bump), transport.onReconnect(bump)]
    return () => offs.forEach((off) => off())
  }, [])
  return version
}
