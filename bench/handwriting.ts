/**
 * `npm run bench -- handwriting`: the writer profile of one CSAFE page (w0238_s01_pWOZ_r02.png) with the time of each
 * stage, printed beside its baselines measured in the same process: only reading the page and binarising it with
 * OpenCV (imdecode + Otsu), as stored and resized to the profile's scan resolution; then the comparison model's
 * scoring of 100 000 profile pairs. Issue 12 targets: profile ≤ 3 s, scoring ≤ 10 s.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { profilePage } from '../native/handwriting/profile.ts';
import { decodeAndBinariseOtsu } from '../native/opencv/opencv-adapter.ts';
import { numberOption } from './options.ts';
import { sharedDataMissing } from './shared-data.ts';

const dir = fileURLToPath(new URL('../../shared/data/handwriting/', import.meta.url));
const page = 'w0238_s01_pWOZ_r02.png';

/** One figure of the suite: runs and prints its own lines (each beside its baseline). */
export type HandwritingFigure = (args: readonly string[]) => Promise<void> | void;

/** Profile of one page, per stage, against OpenCV reading + binarising the same page. */
function pageProfileFigure(args: readonly string[]): void {
  const runs = numberOption(args, 'runs', 3);
  const bytes = new Uint8Array(readFileSync(dir + page));
  for (let i = 0; i < runs; i++) {
    const baselineStart = performance.now();
    const baseline = decodeAndBinariseOtsu(bytes);
    const baselineMs = performance.now() - baselineStart;
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const profile = profilePage(bytes, page);
    const totalMs = performance.now() - start;
    // CPU time of the process beside the wall time: on a shared, busy machine the wall time also counts waiting.
    const cpu = process.cpuUsage(cpuStart);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    // The profile works on the page scaled to scan resolution; the same read, resize and binarisation in OpenCV.
    const scaledStart = performance.now();
    const scaled = decodeAndBinariseOtsu(bytes, profile.scale);
    const scaledMs = performance.now() - scaledStart;
    const stages = Object.entries(profile.timingsMs).map(([stage, ms]) => `${stage} ${ms.toFixed(0)}`).join(', ');
    console.log(
      `run ${i + 1}${i === 0 ? ' (cold)' : ''}: profile of ${page} (${profile.width}×${profile.height} ×${profile.scale.toFixed(2)}, ${profile.graphCount} graphs) ${totalMs.toFixed(0)} ms (CPU ${cpuMs.toFixed(0)} ms, load ${loadavg()[0]!.toFixed(2)}) [${stages} ms]  target ≤ 3000 ms: ${totalMs <= 3000 ? 'met' : 'NOT met'}\n` +
        `  baseline OpenCV read+Otsu ${baselineMs.toFixed(1)} ms (${baseline.width}×${baseline.height}, ${baseline.inkPixels} ink pixels), ratio ${(totalMs / baselineMs).toFixed(0)}×; ` +
        `read+resize+Otsu at the profile's scale ${scaledMs.toFixed(1)} ms (${scaled.width}×${scaled.height}), ratio ${(totalMs / scaledMs).toFixed(0)}×`,
    );
  }
}

/** Scoring of profile pairs by the comparison model (its own suite, bench/handwriting-scoring.ts). */
async function pairScoringFigure(args: readonly string[]): Promise<void> {
  await (await import('./handwriting-scoring.ts')).run([...args.filter((a, i) => a !== '--runs' && args[i - 1] !== '--runs')]);
}

/** The suite's figures in order. */
export const figures: HandwritingFigure[] = [pageProfileFigure, pairScoringFigure];

/** Runs the suite; `--runs N` repeats the page profile (the first run also loads OpenCV). */
export async function run(args: string[]): Promise<void> {
  if (sharedDataMissing(dir, 'handwriting', 'handwriting')) return;
  for (const figure of figures) await figure(args);
}
