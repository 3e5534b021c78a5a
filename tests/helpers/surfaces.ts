import type { Finding } from '../../main/contract/index.ts';
import { x3pBytesOf } from '../../main/services/forensics/ballistics/surface-input.ts';
import type { FindingDraft, FindingSink } from '../../main/services/findings/finding-draft.ts';
import type { Actor } from '../../main/services/sessions.ts';
import type { HeightGrid } from '../../native/surface/height-grid.ts';
import { seededRandom } from '../../core/random.ts';

/**
 * A rough random surface (seeded) with structure at several scales and a missing disc in the middle like a firing-pin
 * hole; `shift` moves the content left by that many pixels, `noise` adds independent fine noise (another firing).
 */
export function syntheticSurface(size: number, seed: number, options: { shift?: number; noise?: number; noiseSeed?: number; stepUm?: number } = {}): HeightGrid {
  const { shift = 0, noise = 0, noiseSeed = seed + 1000, stepUm = 6.25 } = options;
  // mulberry32: streams of nearby seeds are unrelated (a plain LCG's are not, and would fake matches).
  // Centred on zero, each seed spread by the golden-ratio constant first.
  const rng = (start: number) => {
    const next = seededRandom(start * 0x9e3779b9);
    return () => next() - 0.5;
  };
  const rand = rng(seed);
  const side = size + 40;
  const raw = Array.from({ length: side * side }, rand);
  // A 5×5 box blur plus the raw values: coarse structure for the prefilter, fine detail for the cells.
  const z = new Float32Array(size * size);
  const extra = rng(noiseSeed);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const cx = x + 20 + shift;
      const cy = y + 20;
      let box = 0;
      for (let j = -2; j <= 2; j++) for (let i = -2; i <= 2; i++) box += raw[(cy + j) * side + cx + i]!;
      const d = Math.hypot(x - size / 2, y - size / 2);
      z[y * size + x] = d < size / 8 ? NaN : (box / 5 + raw[cy * side + cx]! + noise * extra()) * 1e-6;
    }
  }
  return { width: size, height: size, step: stepUm * 1e-6, z };
}

/** A grid as X3P bytes. */
export const x3pOf = (grid: HeightGrid): Uint8Array => x3pBytesOf(grid);

/** A findings store in memory: records what it is given and hands back findings with ids. */
export class MemorySink implements FindingSink {
  readonly calls: Array<{ caseId: string; runId: string; drafts: readonly FindingDraft[]; actor: Actor }> = [];
  fail: Error | null = null;

  addModelFindings(caseId: string, runId: string, drafts: readonly FindingDraft[], actor: Actor): Finding[] {
    if (this.fail) throw this.fail;
    this.calls.push({ caseId, runId, drafts, actor });
    return drafts.map((d, i) => ({
      id: `00000000-0000-4000-8000-${String(this.calls.length * 100 + i).padStart(12, '0')}`,
      caseId,
      runId,
      module: d.module,
      kind: d.kind,
      evidenceIds: [...d.evidenceIds],
      measurements: [...d.measurements],
      conclusion: d.conclusion,
      origin: 'model',
      supersedes: null,
      supersededBy: null,
      provenance: d.provenance,
      overlays: d.overlays.map((o) => ({ name: o.name, sha256: '0'.repeat(64), mediaType: o.mediaType })),
      review: null,
      createdBy: actor.username,
      createdAt: '2026-11-27T09:00:00.000Z',
      auditSeq: 0,
    }));
  }
}
