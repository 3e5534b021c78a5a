import { useEffect, useRef } from 'react';

const activityEvents = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

/**
 * Calls `onIdle` once after `timeoutMs` without keyboard, pointer or scroll input while `enabled`; any input restarts
 * the countdown. Mirrors the services' own idle lock so the screen locks even when no request is being made.
 */
export function useIdleTimer(enabled: boolean, timeoutMs: number, onIdle: () => void): void {
  const callback = useRef(onIdle);
  useEffect(() => {
    callback.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (!enabled) return;
    let timer = window.setTimeout(() => callback.current(), timeoutMs);
    let last = Date.now();
    const restart = () => {
      const now = Date.now();
      // Pointer moves arrive at frame rate; restarting the timer at most every quarter second is plenty.
      if (now - last < 250) return;
      last = now;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => callback.current(), timeoutMs);
    };
    for (const name of activityEvents) window.addEventListener(name, restart, { passive: true, capture: true });
    return () => {
      window.clearTimeout(timer);
      for (const name of activityEvents) window.removeEventListener(name, restart, { capture: true });
    };
  }, [enabled, timeoutMs]);
}
