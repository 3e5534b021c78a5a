/**
 * Builds the demo models shipped in assets/decision/models/: generates synthetic cases (scripts/synthetic/*-generator.ts,
 * fixed seeds), trains one model per outcome on them, and writes each
 * folder with the generated corpus as its precedents; each card carries its rolling-origin backtest folds. Run: `npx tsx scripts/build-demo-models.ts [--out DIR] [--only FOLDER]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoModelSpecs, trainDemoModel } from './synthetic/demo-models.ts';
import { writeModelFolder } from '../main/services/decision/model-store.ts';

const outIndex = process.argv.indexOf('--out');
const root = outIndex > 0 ? process.argv[outIndex + 1]! : fileURLToPath(new URL('../assets/decision/models/', import.meta.url));
const only = process.argv.indexOf('--only');
const specs = only > 0 ? demoModelSpecs.filter((s) => s.folder === process.argv[only + 1]) : demoModelSpecs;
const work = mkdtempSync(join(tmpdir(), 'dalel-demo-'));
try {
  for (const spec of specs) {
    const started = performance.now();
    const built = trainDemoModel(spec, work);
    const dir = join(root, spec.folder);
    rmSync(dir, { recursive: true, force: true });
    writeModelFolder(dir, built.trained.model, built.trained.onnx, built.trained.card, built.precedents);
    console.log(`${spec.folder}: ${built.trained.sha256} (${built.trained.card.data.cases} cases, ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
