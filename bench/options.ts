/** The number after `--NAME` on the suite's command line, or `fallback` when the option is not given. */
export function numberOption(args: readonly string[], name: string, fallback: number): number {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
}

/** The word after `--NAME` on the suite's command line, or `fallback` when the option is not given or has no word. */
export function textOption(args: readonly string[], name: string, fallback: string): string;
/** The word after `--NAME`, or undefined when the option is not given or has no word. */
export function textOption(args: readonly string[], name: string): string | undefined;
export function textOption(args: readonly string[], name: string, fallback?: string): string | undefined {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
}
