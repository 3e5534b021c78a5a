/**
 * `npm run bench -- bullets`: one bullet comparison of Hamby 252 barrel 1, bullet 1 (lands 1–5) against bullet 2
 * (lands 4–5): signatures of the seven lands and the ten land pairs, printed beside its baseline measured in the same
 * process: the time to read (unzip, MD5-check and decode) the seven X3P files it compares.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compareBullets, type BulletLandInput } from '../native/bullet/bullet-compare.ts';
import { readX3p } from '../native/x3p/x3p-read.ts';
import { numberOption } from './options.ts';
import { sharedDataMissing } from './shared-data.ts';

const dir = fileURLToPath(new URL('../../shared/data/ballistics/', import.meta.url));
const files = [...[1, 2, 3, 4, 5].map((l) => `Hamby252_Barrel1_Bullet1_Land${l}.x3p`), ...[4, 5].map((l) => `Hamby252_Barrel1_Bullet2_Land${l}.x3p`)];

/** Reads the seven land scans from disk (the baseline's work). */
function readLands(): BulletLandInput[] {
  return files.map((name) => {
    const bytes = new Uint8Array(readFileSync(dir + name));
    return { name, sha256: createHash('sha256').update(bytes).digest('hex'), evidenceId: null, surface: readX3p(name, bytes) };
  });
}

/** Runs the suite; `--runs N` repeats it (the first run also warms the JIT). */
export async function run(args: string[]): Promise<void> {
  if (sharedDataMissing(dir, 'bullets', 'ballistics')) return;
  const runs = numberOption(args, 'runs', 3);
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const lands = readLands();
    const readMs = performance.now() - t0;
    const result = compareBullets(lands.slice(0, 5), lands.slice(5));
    const { totalMs, signaturesMs, comparisonsMs } = result.timing;
    console.log(
      `run ${i + 1}: compareBullets B1 (5 lands) vs B2 (2 lands) ${totalMs.toFixed(0)} ms ` +
        `(signatures ${signaturesMs.toFixed(0)} ms, 10 land pairs ${comparisonsMs.toFixed(0)} ms), bullet score ${result.bulletScore.toFixed(3)}  ` +
        `baseline: reading the 7 X3P files ${readMs.toFixed(0)} ms  ratio ${(totalMs / readMs).toFixed(2)}×`,
    );
  }
}
