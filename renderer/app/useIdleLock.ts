import { useEffect } from 'react';
import { call } from '../api/client';

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'focus'] as const;
/** How often someone at work in the window tells the core so (its own idle lock counts calls). */
const TELL_CORE_MS = 60_000;

/**
 * Calls `lock` after `minutes` without keyboard or pointer use in this window. While someone
 * is using it (typing a long note calls nothing), a cheap call at most once a minute keeps
 * the core's own idle lock (db/idle-lock.ts) from locking them out mid-sentence.
 */
export function useIdleLock(minutes: number, lock: () => void): void {
  useEffect(() => {
    let timer = window.setTimeout(lock, minutes * 60_000);
    let toldCoreAt = Date.now();
    const reset = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(lock, minutes * 60_000);
      if (Date.now() - toldCoreAt < TELL_CORE_MS) return;
      toldCoreAt = Date.now();
      void call('app.status', {}).catch(() => undefined);
    };
    for (const event of ACTIVITY) window.addEventListener(event, reset, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const event of ACTIVITY) window.removeEventListener(event, reset);
    };
  }, [minutes, lock]);
}
