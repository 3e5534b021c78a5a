/**
 * A predicted term or amount drawn against the lawful range: the value and its intervals are clipped to what the
 * sanction (after art. 55 caps) allows, and "interval too wide" is judged against the width of that range.
 */
import type { DecisionOutput, StatutoryBounds } from '../../contract/index.ts';
import { decideAbstention } from './abstention.ts';

/** The output with value and intervals clipped to the range, and the abstention rule re-run against it. */
export function clipToLawfulRange(output: DecisionOutput, range: NonNullable<StatutoryBounds['lawfulRange']>, maxWidthFraction: number | undefined): DecisionOutput {
  if (output.kind !== 'regression' || output.value === undefined) return output;
  const clip = (v: number) => Math.min(range.max, Math.max(range.min, v));
  const pair = (i: readonly [number, number] | undefined): [number, number] | undefined => (i ? [clip(i[0]), clip(i[1])] : undefined);
  const support = output.abstention.reasons.filter((r) => r.code !== 'interval-too-wide');
  // The width judged is the model's own interval, before clipping: clipping hides uncertainty, it does not remove it.
  const abstention = decideAbstention({ interval: output.interval80, range: [range.min, range.max], maxWidthFraction, support });
  return {
    ...output,
    value: clip(output.value),
    ...(output.interval80 ? { interval80: pair(output.interval80) } : {}),
    ...(output.interval95 ? { interval95: pair(output.interval95) } : {}),
    abstention,
  };
}
