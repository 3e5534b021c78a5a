import { useEffect, useRef } from 'react';
import { commandFor, type HotkeyCommand } from './hotkeys.ts';

/** Handlers for some of the commands of the hotkey table. */
export type HotkeyHandlers = Partial<Record<HotkeyCommand, () => void>>;

/** A dialog other than the viewer's large view (which is where the shortcuts are meant to work). */
const otherDialog = '[role="dialog"]:not([data-viewer-dialog])';

/** True while the user types into a field or a dialog is open: shortcuts must not steal those keys. */
function typingOrModal(target: EventTarget | null): boolean {
  if (target instanceof HTMLElement) {
    if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
    if (target.closest(otherDialog)) return true;
  }
  return document.querySelector(`${otherDialog}[aria-modal="true"]`) !== null;
}

/**
 * Dispatches the shortcuts of the table to `handlers` while mounted. Handlers are read through a ref, so a component
 * may pass a fresh object on every render without re-subscribing; a command without a handler here is left to others.
 */
export function useHotkeys(handlers: HotkeyHandlers): void {
  const current = useRef(handlers);
  useEffect(() => {
    current.current = handlers;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || typingOrModal(event.target)) return;
      const command = commandFor(event);
      const handler = command ? current.current[command] : undefined;
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
