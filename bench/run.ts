/**
 * `npm run bench -- <suite> [options]`: runs a benchmark suite and prints its figures, each next to a baseline
 * measured in the same process. Suites: audit, ballistics, bullets, decision, library, viewer, upload, handwriting
 * (page profile, then pair scoring), handwriting-scoring (pair scoring alone), ocr, drugs (photo, then the PAD batch),
 * drugs-pad (PAD batch alone), corpus (structured import of 100,000 rows vs parsing them).
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
  handwriting: () => import('./handwriting.ts'),
  'handwriting-scoring': () => import('./handwriting-scoring.ts'),
  corpus: () => import('./corpus.ts'),
  ocr: () => import('./ocr.ts'),
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
