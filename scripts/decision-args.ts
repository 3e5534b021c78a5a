/** Command-line pieces the decision scripts share (backtests, inner splits). */
import type { EbmOptions } from '../models/ebm/train.ts';

/** Every value given after `name` on the command line, in order. */
export function argValues(name: string): string[] {
  return process.argv.flatMap((a, i) => (a === name && process.argv[i + 1] !== undefined ? [process.argv[i + 1]!] : []));
}

/** Training options from `--set name=number` values, for one run only. */
export function parseOptions(sets: readonly string[]): Partial<EbmOptions> {
  const options: Record<string, number> = {};
  for (const set of sets) {
    const [key, value] = set.split('=');
    if (!key || value === undefined || !Number.isFinite(Number(value))) throw new Error(`--set ${set}: give name=number`);
    options[key] = Number(value);
  }
  return options as Partial<EbmOptions>;
}
