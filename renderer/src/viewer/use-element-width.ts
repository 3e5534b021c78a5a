import { useEffect, useState } from 'react';

/**
 * The width of an element in CSS pixels, following resizes (ResizeObserver): attach the returned callback as the
 * element's ref (it may mount later than the component). `fallback` until measured, or where sizes cannot be observed.
 */
export function useElementWidth<T extends HTMLElement>(fallback: number): readonly [(element: T | null) => void, number] {
  const [element, setElement] = useState<T | null>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const measured = Math.floor(entry?.contentRect.width ?? 0);
      if (measured > 0) setWidth(measured);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [setElement, width];
}
