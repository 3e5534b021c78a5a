/** A source of the current time, injectable so that lock-outs and idle locks can be tested without waiting. */
export interface Clock {
  now(): number;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** An ISO-8601 UTC timestamp for a clock reading. */
export function isoAt(ms: number): string {
  return new Date(ms).toISOString();
}
