import { useEffect, useState } from 'react'
import { transport } from '../../lib/api'

/** A number that grows on each `rooms.changed` event (and a reconnect); a load naming it reads again. */
export function useRoomsChanged(): number {
  const [version, setVersion] = useState(0)
  useEffect(() => {
    const bump = (): void => setVersion((v) => v + 1)
    const offs = [transport.subscribe('rooms.changed', bump), transport.onReconnect(bump)]
    return () => offs.forEach((off) => off())
  }, [])
  return version
}
