import { useCallback, useEffect, useState } from 'react';

/** The state of a load: in progress (keeping the last value while reloading), done, or failed. */
export interface Loaded<T> {
  readonly value: T | undefined;
  readonly error: unknown;
  readonly loading: boolean;
  /** Loads again, e.g. after a change made elsewhere on the screen. */
  readonly reload: () => void;
}

interface State<T> {
  readonly value: T | undefined;
  readonly error: unknown;
  /** Which run the state answers, so `loading` is true while a newer run is pending. */
  readonly load: (() => Promise<T>) | null;
  readonly version: number;
}

/**
 * Runs `load` (a memoised callback) whenever it changes or `reload` is called, keeping only the answer of the latest
 * run, so a slow answer to an old search can never overwrite a newer one.
 */
export function useLoaded<T>(load: () => Promise<T>): Loaded<T> {
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<State<T>>({ value: undefined, error: null, load: null, version: -1 });
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let live = true;
    load().then(
      (value) => {
        if (live) setState({ value, error: null, load, version });
      },
      (error: unknown) => {
        if (live) setState((previous) => ({ value: previous.value, error, load, version }));
      },
    );
    return () => {
      live = false;
    };
  }, [load, version]);

  return { value: state.value, error: state.error, loading: state.load !== load || state.version !== version, reload };
}
