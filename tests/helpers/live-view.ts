/**
 * An object whose `keys` read through to what `read()` returns at the time of reading: what a helper that sets things
 * up in hooks hands back at load time, before the hooks have run.
 */
export function liveView<T extends object>(read: () => T, keys: readonly (keyof T)[]): T {
  const view = {} as T;
  for (const key of keys) Object.defineProperty(view, key, { get: () => read()[key], enumerable: true });
  return view;
}
