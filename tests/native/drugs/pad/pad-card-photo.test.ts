import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPadCards } from '../../../../models/drugs/pad-data.ts';
import { padFeatureCount } from '../../../../models/drugs/pad-layout.ts';
import { seededRandom } from '../../../../models/ebm/random.ts';
import { readPadCard } from '../../../../native/drugs/pad/pad-card-reader.ts';
import { decodeRgb } from '../../../../native/drugs/pad/rgb-image.ts';
import { InputError } from '../../../../native/input-error.ts';
import { PadRunner, defaultPadModelDir } from '../../../../main/services/forensics/drugs/pad/pad-runner.ts';
import { sharedDataDir } from '../../../helpers/shared-data.ts';
import { illuminants, renderSyntheticCard, type IlluminantName } from './synthetic-card.ts';
import { thrownBy } from '../../../helpers/thrown.ts';

const cardsFile = sharedDataDir ? join(sharedDataDir, 'drugs', 'pad_cards_train.csv') : null;
/** Source rows: real cards when the shared data are present, else random colours. */
const sources: Float64Array[] = (() => {
  if (cardsFile && existsSync(cardsFile)) return readPadCards(cardsFile).rows.map((r) => r.features);
  const random = seededRandom(99);
  return Array.from({ length: 50 }, () => Float64Array.from({ length: padFeatureCount }, () => Math.round(30 + random() * 200)));
})();

/** A region is found when the photo's corrected colour is within this of the source row (0–255 per channel). */
const tolerance = 6;
const photos = 45;

const thrown = (run: () => unknown): InputError => thrownBy(InputError, run);

describe('PAD card photos (seeded synthetic renders)', () => {
  it(`finds the card and its 120 regions on ≥ 95% of ${photos} photos under three illuminants (a quarter of them JPEG), and the model answers as on the source row`, async () => {
    const runner = await PadRunner.open(defaultPadModelDir());
    const D = runner.model.identity.classes.length;
    const names = Object.keys(illuminants) as IlluminantName[];
    let found = 0;
    let sameIdentity = 0;
    let sameConcentration = 0;
    const worst: number[] = [];
    for (let s = 0; s < photos; s += 1) {
      const source = sources[(s * 53) % sources.length]!;
      const card = renderSyntheticCard(source, 4000 + s, { illuminant: names[s % 3]!, width: 520 + (s % 5) * 40, height: 400 + (s % 4) * 30, ...(s % 4 === 3 ? { jpegQuality: 85 + (s % 10) } : {}) });
      let features: number[];
      try {
        features = readPadCard(decodeRgb(card.png, `card-${s}.png`), `card-${s}.png`).features;
      } catch {
        continue;
      }
      const error = Math.max(...features.map((v, k) => Math.abs(v - source[k]!)));
      worst.push(error);
      if (error > tolerance) continue;
      found += 1;
      const both = new Float64Array(2 * padFeatureCount);
      both.set(source, 0);
      both.set(features, padFeatureCount);
      const [a, b] = await runner.classify(both, 2);
      if (a!.predicted === b!.predicted) sameIdentity += 1;
      if (a!.concentration.predicted === b!.concentration.predicted) sameConcentration += 1;
      expect(D).toBeGreaterThan(1);
    }
    await runner.close();
    console.log(`[pad photos] found ${found}/${photos}; worst region error ${Math.max(...worst).toFixed(2)}; same ingredient ${sameIdentity}/${found}, same Drug % ${sameConcentration}/${found}`);
    expect(found / photos).toBeGreaterThanOrEqual(0.95);
    expect(sameIdentity).toBe(found);
    expect(sameConcentration / found).toBeGreaterThanOrEqual(0.95);
  }, 600_000);

  it('reads a card from manual corners as from its fiducials', () => {
    const source = sources[3]!;
    const card = renderSyntheticCard(source, 77, { illuminant: 'warm', blur: 0.8, noise: 2, width: 560, height: 420 });
    const image = decodeRgb(card.png, 'card.png');
    const auto = readPadCard(image, 'card.png');
    const manual = readPadCard(image, 'card.png', card.corners);
    expect(auto.located).toBe('fiducials');
    expect(manual.located).toBe('manual-corners');
    expect(manual.regions).toHaveLength(120);
    expect(manual.regions[0]).toMatchObject({ lane: 'A', region: 1 });
    expect(manual.regions.at(-1)).toMatchObject({ lane: 'L', region: 10 });
    expect(Math.max(...manual.features.map((v, k) => Math.abs(v - source[k]!)))).toBeLessThan(tolerance);
    expect(Math.max(...auto.features.map((v, k) => Math.abs(v - manual.features[k]!)))).toBeLessThan(3);
    auto.cardCorners.forEach(([x, y], i) => {
      expect(Math.hypot(x - card.corners[i]![0], y - card.corners[i]![1])).toBeLessThan(3);
    });
  });

  it('refuses a photo without a card, bad corners and non-images by name', () => {
    const random = seededRandom(1);
    const blankSource = new Float64Array(padFeatureCount).fill(200);
    const card = renderSyntheticCard(blankSource, 5, { width: 300, height: 240 });
    const image = decodeRgb(card.png, 'card.png');
    const noCard = { width: 200, height: 150, data: Uint8Array.from({ length: 200 * 150 * 3 }, () => 120 + Math.floor(random() * 20)) };
    expect(thrown(() => readPadCard(noCard, 'empty.png'))).toMatchObject({ fileName: 'empty.png', reasonCode: 'no-card' });
    expect(thrown(() => readPadCard(image, 'card.png', [[0, 0], [10, 0], [0, 10], [10, 10]]))).toMatchObject({ reasonCode: 'bad-corners' });
    expect(thrown(() => readPadCard(image, 'card.png', [[0, 0], [2000, 0], [2000, 2000], [0, 2000]]))).toMatchObject({ reasonCode: 'card-outside' });
    expect(thrown(() => decodeRgb(new TextEncoder().encode('not an image'), 'notes.txt'))).toMatchObject({ fileName: 'notes.txt', reasonCode: 'format' });
    expect(thrown(() => decodeRgb(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), 'broken.png'))).toMatchObject({ reasonCode: 'corrupt' });
  });
});
