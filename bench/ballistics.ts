/**
 * `npm run bench -- ballistics`: one full two-direction CMC comparison of the processed Fadul pair (cmcR defaults),
 * printed beside its baseline measured in the same process: the time spent inside the bare OpenCV matchTemplate calls
 * it makes. The ratio is our overhead (issue 4 targets: total ≤ 2 s, ratio ≤ 1.5×). Then the raw pair: automatic
 * preprocessing of each raw scan (timed per step) and their comparison.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compareCartridgeCases, type CmcInput } from '../native/cmc/cmc-run.ts';
import { matchTemplateClock } from '../native/opencv/opencv-adapter.ts';
import { prepareCartridgeCase } from '../native/preprocess/prepare.ts';
import { defaultCartridgePreprocess } from '../native/preprocess/preprocess-params.ts';
import { gridFromX3p } from '../native/surface/height-grid.ts';
import { readX3p } from '../native/x3p/x3p-read.ts';
import { numberOption } from './options.ts';
import { sharedDataMissing } from './shared-data.ts';

const dir = fileURLToPath(new URL('../../shared/data/ballistics/', import.meta.url));

function read(file: string): { bytes: Uint8Array; sha256: string } {
  const bytes = new Uint8Array(readFileSync(dir + file));
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

function input(file: string): CmcInput {
  const { bytes, sha256 } = read(file);
  return { name: file, sha256, grid: gridFromX3p(readX3p(file, bytes)) };
}

/** Preprocesses a raw scan to the processed scans' step, printing the time of each step. */
function prepared(file: string, targetStepUm: number): CmcInput {
  const { bytes, sha256 } = read(file);
  const surface = readX3p(file, bytes);
  const start = performance.now();
  const result = prepareCartridgeCase(surface, { ...defaultCartridgePreprocess, targetStepUm });
  const steps = result.steps.map((s) => `${s.step} ${s.ms.toFixed(0)}`).join(', ');
  console.log(`  preprocess ${file} (${result.classification.kind}): ${(performance.now() - start).toFixed(0)} ms [${steps} ms] → ${result.grid.width}×${result.grid.height}`);
  return { name: file, sha256, grid: result.grid };
}

/** Runs the suite; `--runs N` repeats the comparison (first run included: it also loads OpenCV). */
export async function run(args: string[]): Promise<void> {
  if (sharedDataMissing(dir, 'ballistics', 'ballistics')) return;
  const runs = numberOption(args, 'runs', 3);
  const a = input('fadul1.1_processed.x3p');
  const b = input('fadul1.2_processed.x3p');
  for (let i = 0; i < runs; i++) {
    matchTemplateClock.ms = 0;
    matchTemplateClock.calls = 0;
    const result = compareCartridgeCases(a, b);
    const total = result.timing.totalMs;
    console.log(
      `run ${i + 1}: CMC ${result.aToB.cmcCount}/${result.bToA.cmcCount}  total ${total.toFixed(0)} ms  ` +
        `bare matchTemplate ${matchTemplateClock.ms.toFixed(0)} ms in ${matchTemplateClock.calls} calls  ratio ${(total / matchTemplateClock.ms).toFixed(2)}×`,
    );
  }
  console.log('raw pair (fadul1.1_raw vs fadul1.2_raw), preprocessed automatically:');
  const start = performance.now();
  const rawA = prepared('fadul1.1_raw.x3p', a.grid.step * 1e6);
  const rawB = prepared('fadul1.2_raw.x3p', a.grid.step * 1e6);
  const preprocessMs = performance.now() - start;
  matchTemplateClock.ms = 0;
  matchTemplateClock.calls = 0;
  const raw = compareCartridgeCases(rawA, rawB);
  console.log(
    `  CMC ${raw.aToB.cmcCount}/${raw.bToA.cmcCount}  preprocessing ${preprocessMs.toFixed(0)} ms  comparison ${raw.timing.totalMs.toFixed(0)} ms  ` +
      `bare matchTemplate ${matchTemplateClock.ms.toFixed(0)} ms in ${matchTemplateClock.calls} calls  total ${(preprocessMs + raw.timing.totalMs).toFixed(0)} ms`,
  );
}
