/**
 * `npm run bench -- <suite> [options]`: runs a benchmark suite and prints its figures, each next to a baseline
 * measured in the same process. Suites: audit, ballistics, bullets, decision, drugs (then drugs-pad), library, viewer,
 * upload, drugs-pad.
 */
const suites: Record<string, () => Promise<{ run(args: string[]): Promise<void> }>> = {
  audit: () => import('./audit.ts'),
  decision: () => import('./decision.ts'),
  ballistics: () => import('./ballistics.ts'),
  bullets: () => import('./bullets.ts'),
  drugs: () => import('./drugs.ts'),
  library: () => import('./ballistics-library.ts'),
  viewer: () => import('./viewer.ts'),
  upload: () => import('./upload-rss.ts'),
  'drugs-pad': () => import('./drugs-pad.ts'),
};

const [suite, ...args] = process.argv.slice(2);
const load = suite ? suites[suite] : undefined;
if (!load) {
  console.error(`usage: npm run bench -- <suite> [options]; suites: ${Object.keys(suites).join(', ')}`);
  process.exit(2);
}
await (await load()).run(args);

export {};
