import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { DalelError } from '../../main/services/errors.ts';
import { handwritingModule } from '../../main/services/forensics/handwriting/handwriting-module.ts';
import { handwritingPageKind, pageProfileMethod, writerComparisonMethod } from '../../main/services/forensics/handwriting/kinds.ts';
import { verbalConclusion } from '../../main/services/forensics/handwriting/verbal-scale.ts';
import { compareWriters, drivingClusters, poolCounts, type WriterComparator } from '../../main/services/forensics/handwriting/writer-comparison.ts';
import { domainDistance, referenceDomainFor } from '../../main/services/forensics/handwriting/reference-domain.ts';
import type { MethodInput } from '../../main/services/forensics/module.ts';

/** A synthetic page: white paper with the given strokes (x0, y0, x1, y1, thickness) in black. */
function page(width: number, height: number, strokes: readonly (readonly [number, number, number, number, number])[] = []): Uint8Array {
  const png = new PNG({ width, height });
  png.data.fill(255);
  for (const [x0, y0, x1, y1, thickness] of strokes) {
    const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0)) * 2;
    for (let s = 0; s <= steps; s++) {
      const cx = x0 + ((x1 - x0) * s) / steps;
      const cy = y0 + ((y1 - y0) * s) / steps;
      for (let dy = -thickness; dy <= thickness; dy++) {
        for (let dx = -thickness; dx <= thickness; dx++) {
          const x = Math.round(cx + dx);
          const y = Math.round(cy + dy);
          if (x < 0 || y < 0 || x >= width || y >= height) continue;
          const o = 4 * (y * width + x);
          png.data[o] = png.data[o + 1] = png.data[o + 2] = 0;
        }
      }
    }
  }
  return new Uint8Array(PNG.sync.write(png));
}

function input(name: string, bytes: Uint8Array, category = handwritingPageKind): MethodInput {
  return { name, sha256: 'a'.repeat(64), evidenceId: null, format: 'png', category, pixelUm: null, bytes };
}

const method = (id: string) => handwritingModule.methods.find((m) => m.id === id)!;

/** A few zig-zag "words" so that the page has graphs to count. */
const writing = Array.from({ length: 6 }, (_, i) => [
  [20 + 40 * i, 40, 30 + 40 * i, 20, 1],
  [30 + 40 * i, 20, 40 + 40 * i, 40, 1],
  [40 + 40 * i, 40, 50 + 40 * i, 22, 1],
] as const).flat();

describe('handwriting module', () => {
  it('refuses an item declared as something else, naming it', () => {
    expect(() => method(pageProfileMethod).prepare([input('breech.png', page(50, 50), 'ballistics.cartridge-case')], {})).toThrow(/breech\.png.*ballistics\.cartridge-case/);
  });

  it('a writer comparison takes exactly one questioned page', () => {
    const items = [input('k1.png', page(50, 50)), input('k2.png', page(50, 50)), input('q.png', page(50, 50))];
    expect(() => method(writerComparisonMethod).prepare(items, { knownCount: 1 })).toThrow(DalelError);
    expect(method(writerComparisonMethod).prepare(items, {}).parameters).toMatchObject({ knownCount: 2, script: 'latin', binarisation: 'otsu' });
  });

  it('an empty page is refused as BAD_INPUT naming the file; nothing is recorded', () => {
    const prepared = method(pageProfileMethod).prepare([input('blank.png', page(120, 80))], {});
    const run = () => handwritingModule.pipelines[pageProfileMethod]!(prepared.payload, () => undefined);
    expect(run).toThrow(DalelError);
    expect(run).toThrow(/blank\.png: the page has no ink/);
  });

  it('a file that is not an image is refused as BAD_INPUT naming the file', () => {
    const prepared = method(pageProfileMethod).prepare([input('notes.png', new TextEncoder().encode('hello, not an image'))], {});
    expect(() => handwritingModule.pipelines[pageProfileMethod]!(prepared.payload, () => undefined)).toThrow(/notes\.png/);
  });

  it('profiles a page with strokes: graphs counted, overlay PNG kept, a page-profile finding drafted', () => {
    const m = method(pageProfileMethod);
    const prepared = m.prepare([input('zigzag.png', page(300, 70, writing))], {});
    const stages: string[] = [];
    const output = handwritingModule.pipelines[pageProfileMethod]!(prepared.payload, (_p, stage) => stages.push(stage));
    const record = m.record(output);
    expect(stages).toContain('handwriting.profile');
    const result = record.result as unknown as { pages: { graphCount: number; counts: number[]; overlaySha256: string }[] };
    expect(result.pages[0]!.graphCount).toBeGreaterThan(0);
    expect(result.pages[0]!.counts.reduce((s, v) => s + v, 0)).toBe(result.pages[0]!.graphCount);
    expect(record.blobs).toHaveLength(1);
    expect(record.blobs[0]!.sha256).toBe(result.pages[0]!.overlaySha256);
    expect(PNG.sync.read(Buffer.from(record.blobs[0]!.bytes)).width).toBe(300);
    expect(record.drafts[0]!.measurements.find((x) => x.key === 'hw.graphs')!.value).toBe(result.pages[0]!.graphCount);
  });

  it('for a script without an installed reference set the comparison abstains and says why, keeping the profiles', async () => {
    const m = method(writerComparisonMethod);
    const prepared = m.prepare([input('k.png', page(300, 70, writing)), input('q.png', page(300, 70, writing))], { script: 'cyrillic' });
    const record = m.record(await handwritingModule.pipelines[writerComparisonMethod]!(prepared.payload, () => undefined));
    expect(record.drafts[0]!.conclusion).toBe('hw-abstained');
    expect(record.summary.conclusion).toBe('hw-abstained');
    expect(record.warnings[0]).toMatch(/q\.png: no likelihood ratio \(no reference set is installed for cyrillic/);
    const result = record.result as unknown as { script: string; known: { graphCount: number }[]; comparison: { abstention: { code: string } } };
    expect(result.script).toBe('cyrillic');
    expect(result.comparison.abstention.code).toBe('script-not-installed');
    expect(result.known[0]!.graphCount).toBeGreaterThan(0);
  });

  it('a comparison of a few strokes abstains for too little writing under the Latin set', async () => {
    const m = method(writerComparisonMethod);
    const prepared = m.prepare([input('k.png', page(300, 70, writing)), input('q.png', page(300, 70, writing))], {});
    const record = m.record(await handwritingModule.pipelines[writerComparisonMethod]!(prepared.payload, () => undefined));
    const result = record.result as unknown as { comparison: { abstention: { code: string } | null; score: number | null; model: { hash: string | null } } };
    expect(result.comparison.abstention?.code).toBe('too-few-graphs');
    expect(result.comparison.score).not.toBeNull();
    expect(result.comparison.model.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('writer comparison helpers', () => {
  it('pools known pages by summing counts and ranks the clusters that differ most', () => {
    expect(poolCounts([{ counts: [1, 2, 0] }, { counts: [3, 0, 1] }])).toEqual([4, 2, 1]);
    const drivers = drivingClusters([10, 0, 10], [0, 10, 10]);
    expect(drivers.map((d) => d.cluster).slice(0, 2).sort()).toEqual([1, 2]);
    expect(drivers[2]).toMatchObject({ cluster: 3, known: 0.5, questioned: 0.5 });
  });

  it('passes the model’s answer through, with its abstention code, and ranks clusters by their effect on the score', async () => {
    const model = { hash: 'f'.repeat(64), algorithm: 'logistic+kde-elub', version: '1.0.0' };
    const clusters = [
      { cluster: 1, knownRate: 0.5, questionedRate: 0.4, effect: 0.1 },
      { cluster: 2, knownRate: 0.5, questionedRate: 0.6, effect: -0.9 },
    ];
    // A script without a shipped domain (a lab's own set): the model's answer passes through unchanged.
    const comparison = await compareWriters([{ counts: [5, 5] }], { counts: [4, 6] }, 'cyrillic', async () => ({ score: 0.8, slr: 120, log10Slr: Math.log10(120), verbal: 'moderately-strong-support-same-writer', abstention: null, clusters, model }));
    expect(comparison).toMatchObject({ score: 0.8, slr: 120, abstention: null, model: { hash: 'f'.repeat(64) } });
    expect(comparison.drivers.map((d) => d.cluster)).toEqual([2, 1]);
    const refused = await compareWriters([{ counts: [5, 5] }], { counts: [4, 6] }, 'cyrillic', async () => ({ score: null, slr: null, log10Slr: null, verbal: null, abstention: { reason: 'script-not-installed', message: 'no reference set for cyrillic' }, model: null }));
    expect(refused.abstention).toEqual({ code: 'script-not-installed', reason: 'no reference set for cyrillic' });
    expect(refused.model).toEqual({ hash: null, name: 'none' });
  });

  it('withholds the likelihood ratio for a profile outside the reference data, keeping the score', async () => {
    const domain = referenceDomainFor('latin')!;
    expect(domain.source.documents).toBe(800);
    expect(domain.limit).toBeGreaterThan(domain.heldOut.median);
    // Profiles at the population's mean fill rates, 400 graphs each, are in the domain; one cluster holding everything is not.
    const typical = domain.mean.map((m) => Math.round(m * 400));
    const lopsided = domain.mean.map((_, k) => (k === 22 ? 400 : 0));
    expect(domainDistance(domain.mean, domain)).toBeCloseTo(0, 9);
    const model: WriterComparator = async () => ({ score: 0.9, slr: 50, log10Slr: Math.log10(50), verbal: 'moderate-support-same-writer', abstention: null, model: { hash: 'e'.repeat(64), algorithm: 'two-level', version: '1' } });
    const inside = await compareWriters([{ counts: typical }], { counts: typical }, 'latin', model);
    expect(inside).toMatchObject({ slr: 50, abstention: null });
    expect(inside.domain!.questioned).toBeLessThan(domain.limit);
    const outside = await compareWriters([{ counts: typical }], { counts: lopsided }, 'latin', model);
    expect(outside).toMatchObject({ score: 0.9, slr: null, log10Slr: null, verbal: null });
    expect(outside.abstention!.code).toBe('out-of-domain');
    expect(outside.abstention!.reason).toMatch(/^the questioned writing's cluster profile lies outside the reference data/);
    // No domain is known for a lab's Cyrillic set: its own data define it.
    expect(referenceDomainFor('cyrillic')).toBeNull();
  });

  it('maps likelihood ratios onto the ENFSI verbal scale', () => {
    expect(verbalConclusion(null)).toBe('hw-abstained');
    expect(verbalConclusion(0.5)).toBe('hw-same-weak');
    expect(verbalConclusion(2.5)).toBe('hw-same-moderately-strong');
    expect(verbalConclusion(-1.2)).toBe('hw-different-moderate');
    expect(verbalConclusion(4.2)).toBe('hw-same-very-strong');
    expect(verbalConclusion(0)).toBe('hw-neutral');
  });
});
