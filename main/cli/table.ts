/** A plain-text table of rows sharing the same keys, for the human form of CLI output. */
export function table(rows: ReadonlyArray<Record<string, string | number>>): string {
  if (rows.length === 0) return '(none)';
  const keys = Object.keys(rows[0]!);
  const widths = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)));
  const line = (cells: Array<string | number>) => cells.map((c, i) => String(c).padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(keys), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(keys.map((k) => r[k]!)))].join('\n');
}
