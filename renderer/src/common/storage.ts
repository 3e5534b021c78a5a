/** Reads a localStorage entry; storage can be unavailable (privacy settings), which only loses the preference. */
export function readPreference(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Saves a localStorage entry, ignoring unavailable storage for the same reason. */
export function savePreference(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Preferences are a convenience; the choice still applies for this session.
  }
}
