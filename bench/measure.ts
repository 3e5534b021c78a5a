/** Seconds of wall time since `from` (a process.hrtime.bigint() reading). */
export function seconds(from: bigint): number {
  return Number(process.hrtime.bigint() - from) / 1e9;
}

/** The middle value of a list (the upper one of the two middles for an even count). */
export function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}
