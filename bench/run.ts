/**
 * `npm run bench -- <suite> [options]`: runs a benchmark suite and prints its figures, each next to a baseline
 * measured in the same process. Suites: audit, ballistics, bullets, decision, library, viewer, upload, corpus, ocr.
 */
const suites: Record<string, () => Promise<{ run(args: string[]): Promise<void> }>> = {
  audit: () => import('./audit.ts'),
  decision: () => import('./decision.ts'),
  ballistics: () => import('./ballistics.ts'),
  bullets: () => import('./bullets.ts'),
  library: () => import('./ballistics-library.ts'),
  viewer: () => import('./viewer.ts'),
  upload: () => import('./upload-rss.ts'),
  corpus: () => import('./corpus.ts'),
  ocr: () => import('./ocr.ts'),
};

const [suite, ...args] = process.argv.slice(2);
const load = suite ? suites[suite] : undefined;
if (!load) {
  console.error(`usage: npm run bench -- <suite> [options]; suites: ${Object.keys(suites).join(', ')}`);
  process.exit(2);
}
await (await load()).run(args);

export {};
