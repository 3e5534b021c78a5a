/**
 * `npm run bench -- library [--refs N] [--top K]`: search one questioned scan (fadul1.1, processed) against a library of
 * N references (default 1,000) synthesised by perturbing the real Fadul scans with a fixed seed; prints the search
 * time against the 60 s target, the rank of the true mate, and a baseline measured in the same process: one bare
 * two-direction CMC comparison of the processed Fadul pair.
 *
 * The library: one true mate (fadul1.2 — another cartridge fired by the same pistol — mildly rotated, shifted, noised
 * and cropped) and N − 1 known non-matches made from the mirror images and transposes of both Fadul scans (a mirrored
 * surface is a different surface), each rotated anywhere in 360°, shifted up to ±20 px, noised and cropped. They share
 * the Fadul scans' texture statistics, so the prefilter cannot separate them by roughness alone.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inProcessRunner } from '../main/services/analysis/analysis-runner.ts';
import { x3pBytesOf } from '../main/services/forensics/ballistics/surface-input.ts';
import type { Actor } from '../main/services/sessions.ts';
import { seededRandom as rng } from '../core/random.ts';
import { openWorkstation } from '../main/services/workstation.ts';
import { defaultCmcParameters } from '../native/cmc/cmc-params.ts';
import { compareCartridgeCases } from '../native/cmc/cmc-run.ts';
import { gridFromX3p, mirrorX, rotate, type HeightGrid } from '../native/surface/height-grid.ts';
import { readX3p } from '../native/x3p/x3p-read.ts';
import { numberOption } from './options.ts';
import { sharedDataMissing } from './shared-data.ts';

const dir = fileURLToPath(new URL('../../shared/data/ballistics/', import.meta.url));

function transpose(g: HeightGrid): HeightGrid {
  const z = new Float32Array(g.z.length);
  for (let y = 0; y < g.height; y++) for (let x = 0; x < g.width; x++) z[x * g.height + y] = g.z[y * g.width + x]!;
  return { width: g.height, height: g.width, step: g.step, z };
}

function rms(g: HeightGrid): number {
  let s = 0;
  let n = 0;
  for (const v of g.z) {
    if (v !== v) continue;
    s += v * v;
    n++;
  }
  return Math.sqrt(s / Math.max(1, n));
}

/** Rotation, integer shift, Gaussian-ish noise (sum of uniforms) relative to the surface RMS, and an edge crop. */
function perturb(g: HeightGrid, r: () => number, o: { maxDeg: number; maxShift: number; noise: number; maxCrop: number }): HeightGrid {
  const rotated = rotate(g, (r() * 2 - 1) * o.maxDeg);
  const dx = Math.round((r() * 2 - 1) * o.maxShift);
  const dy = Math.round((r() * 2 - 1) * o.maxShift);
  const sigma = o.noise * rms(g) * r();
  const crop = Math.floor(r() * o.maxCrop * g.width);
  const side = Math.floor(r() * 4);
  const z = new Float32Array(g.z.length).fill(NaN);
  for (let y = 0; y < g.height; y++) {
    for (let x = 0; x < g.width; x++) {
      const sx = x - dx;
      const sy = y - dy;
      if (sx < 0 || sy < 0 || sx >= g.width || sy >= g.height) continue;
      const cropped = (side === 0 && x < crop) || (side === 1 && x >= g.width - crop) || (side === 2 && y < crop) || (side === 3 && y >= g.height - crop);
      const v = rotated.z[sy * g.width + sx]!;
      if (cropped || v !== v) continue;
      z[y * g.width + x] = v + sigma * (r() + r() + r() - 1.5) * 2;
    }
  }
  return { ...g, z };
}

/** Runs the suite. */
export async function run(args: string[]): Promise<void> {
  if (sharedDataMissing(dir, 'library', 'ballistics')) return;
  const refs = numberOption(args, 'refs', 1000);
  const top = numberOption(args, 'top', 10);
  const read = (name: string) => {
    const bytes = new Uint8Array(readFileSync(dir + name));
    return { name, bytes, sha256: createHash('sha256').update(bytes).digest('hex'), grid: gridFromX3p(readX3p(name, bytes)) };
  };
  const q = read('fadul1.1_processed.x3p');
  const m = read('fadul1.2_processed.x3p');

  // Baseline, same process: one bare two-direction CMC comparison of the processed pair (OpenCV loaded first).
  compareCartridgeCases(q, m, { ...defaultCmcParameters, thetas: [0] });
  const baseline = compareCartridgeCases(q, m);
  console.log(`baseline: one bare CMC comparison (fadul1.1 vs 1.2 processed): ${baseline.timing.totalMs.toFixed(0)} ms, CMC ${baseline.aToB.cmcCount}/${baseline.bToA.cmcCount}`);

  const dataDir = mkdtempSync(join(tmpdir(), 'dalel-library-bench-'));
  try {
    const ws = openWorkstation({ dataDir, analysisRunner: inProcessRunner, scryptParams: { N: 1024, r: 8, p: 1 } });
    try {
      await ws.dispatcher.invoke('bench', 'auth.setupAdmin', { username: 'admin', displayName: 'Admin', password: 'bench password 1' });
      const admin = ws.users.list()[0]!;
      const builder: Actor = { userId: admin.id, username: admin.username, role: 'expert' };
      const r = rng(20261127);
      const bases = [mirrorX(q.grid), mirrorX(m.grid), transpose(q.grid), transpose(m.grid)];
      const mateAt = Math.floor(r() * refs);
      const built = performance.now();
      for (let i = 0; i < refs; i++) {
        const grid =
          i === mateAt
            ? perturb(m.grid, r, { maxDeg: 15, maxShift: 10, noise: 0.1, maxCrop: 0.05 })
            : perturb(bases[i % bases.length]!, r, { maxDeg: 180, maxShift: 20, noise: 0.3, maxCrop: 0.15 });
        const name = i === mateAt ? 'true-mate.x3p' : `ref-${String(i).padStart(4, '0')}.x3p`;
        await ws.library.add(name, x3pBytesOf(grid), { firearmMake: 'synthetic', firearmModel: '', calibre: '9mm', caseNumber: `REF-${i}`, notes: '' }, builder);
        if ((i + 1) % 100 === 0) console.log(`  built ${i + 1}/${refs} references (${((performance.now() - built) / 1000).toFixed(0)} s)`);
      }
      console.log(`library of ${refs} references built in ${((performance.now() - built) / 1000).toFixed(1)} s (not part of the search time)`);
    } finally {
      ws.close();
    }
    // The search as the app runs it: the default runner, one child process doing the prefilter and the top-K CMC.
    const searcher = openWorkstation({ dataDir });
    try {
      const admin = searcher.users.list()[0]!;
      const actor: Actor = { userId: admin.id, username: admin.username, role: 'expert' };
      const started = performance.now();
      const answer = await searcher.library.search({ name: q.name, sha256: q.sha256, evidenceId: null, kind: 'x3p', bytes: q.bytes }, top, actor, null);
      const totalMs = performance.now() - started;
      const mate = answer.hits.find((h) => h.reference.name === 'true-mate.x3p');
      console.log(
        `search of 1 scan against ${answer.searched} references: ${(totalMs / 1000).toFixed(1)} s (target ≤ 60 s; ` +
          `prefilter ${answer.timing.prefilterMs?.toFixed(0)} ms, CMC on top ${top} ${(answer.timing.cmcMs! / 1000).toFixed(1)} s) = ` +
          `${(totalMs / baseline.timing.totalMs).toFixed(1)}× the bare CMC baseline`,
      );
      console.log(`true mate: ${mate ? `rank ${mate.rank} of ${answer.hits.length}, CMC ${mate.cmcCount}, prefilter ${mate.prefilterScore.toFixed(3)}` : `not in the top ${top}`}`);
      for (const h of answer.hits.slice(0, 5)) console.log(`  ${h.rank}. ${h.reference.name}  CMC ${h.cmcCount}  prefilter ${h.prefilterScore.toFixed(3)}`);
    } finally {
      searcher.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
