/**
 * Conversions between `<input type="datetime-local">` values (local wall-clock time, minute precision) and the UTC
 * ISO timestamps the services filter on.
 */

/** The ISO timestamp of a datetime-local value, or null when the field is empty or not a time. */
export function localInputToIso(value: string, endOfMinute = false): string | null {
  if (value.trim() === '') return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  // An upper bound typed to the minute means "up to the end of that minute", so entries within it are included.
  if (endOfMinute) date.setSeconds(59, 999);
  return date.toISOString();
}
