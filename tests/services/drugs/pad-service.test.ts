import { describe, expect, it } from 'vitest';
import { DalelError } from '../../../main/services/errors.ts';
import { classifyPadBatch, classifyPadFeatures, readPadCardPhoto } from '../../../main/services/forensics/drugs/pad/index.ts';
import { readPadFolder } from '../../../models/drugs/pad-folder.ts';
import { defaultPadModelDir } from '../../../main/services/forensics/drugs/pad/pad-runner.ts';
import { padFeatureCount } from '../../../models/drugs/pad-layout.ts';
import { padAbstention } from '../../../models/drugs/pad-model.ts';
import { seededRandom } from '../../../models/ebm/random.ts';
import { renderSyntheticCard } from '../../native/drugs/pad/synthetic-card.ts';

/** A card in the training distribution: the mean of the shipped model's standardiser, back in 0–255 RGB. */
function typicalCard(): number[] {
  const { model } = readPadFolder(defaultPadModelDir());
  return model.standardise.mean.slice(0, padFeatureCount).map((v) => Math.round(v * 255));
}

async function rejected(promise: Promise<unknown>): Promise<DalelError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DalelError) return error;
    throw error;
  }
  throw new Error('expected a DalelError');
}

describe('PAD service API', () => {
  it('classifies one card: ingredient and Drug % probabilities that sum to 1, the model hash, no abstention for a typical card', async () => {
    const result = await classifyPadFeatures(typicalCard());
    const folder = readPadFolder(defaultPadModelDir());
    expect(result.model).toEqual({ hash: folder.sha256, algorithm: folder.model.algorithm, version: folder.model.version });
    expect(Object.keys(result.probabilities)).toEqual(folder.model.identity.classes);
    expect(Object.values(result.probabilities).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(Object.values(result.concentration.probabilities).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(result.predicted).toBe(Object.entries(result.probabilities).sort((a, b) => b[1] - a[1])[0]![0]);
    expect(result.abstention?.reason ?? null).not.toBe('out-of-distribution');
    expect((await classifyPadBatch(Float64Array.from(typicalCard()), 1))[0]).toEqual(result);
  });

  it('abstains on colours unlike any training card, and when the top two ingredients are close', async () => {
    const random = seededRandom(4);
    const noise = Array.from({ length: padFeatureCount }, () => Math.round(random() * 255));
    expect((await classifyPadFeatures(noise)).abstention).toMatchObject({ reason: 'out-of-distribution' });
    expect((await classifyPadFeatures(new Array<number>(padFeatureCount).fill(0))).abstention).toMatchObject({ reason: 'out-of-distribution' });
    // The margin rule, on probabilities placed by hand (z = 0: the training mean, in distribution).
    const { model } = readPadFolder(defaultPadModelDir());
    const D = model.identity.classes.length;
    const z = new Float64Array(2 * padFeatureCount);
    const close = Float64Array.from({ length: D }, (_, d) => (d === 0 ? 0.46 : d === 1 ? 0.4 : 0.14 / (D - 2)));
    expect(padAbstention(model, close, 0, z, 0)).toMatchObject({ reason: 'ambiguous', limit: model.abstention.margin });
    const clear = Float64Array.from({ length: D }, (_, d) => (d === 0 ? 0.7 : 0.3 / (D - 1)));
    expect(padAbstention(model, clear, 0, z, 0)).toBeNull();
  });

  it('refuses features that are not 360 numbers in 0–255', async () => {
    expect((await rejected(classifyPadFeatures([1, 2, 3]))).message).toMatch(/expected 360 values/);
    const bad = typicalCard();
    bad[17] = Number.NaN;
    expect(await rejected(classifyPadFeatures(bad))).toMatchObject({ code: 'BAD_INPUT', params: { column: 18 } });
  });

  it('reads a card photo: 120 region boxes, the features and the same answer as the features give', async () => {
    const source = typicalCard();
    const card = renderSyntheticCard(source, 12, { illuminant: 'cool', width: 520, height: 400 });
    const reading = await readPadCardPhoto(card.png, 'card.png');
    expect(reading.regions).toHaveLength(120);
    expect(reading.features).toHaveLength(padFeatureCount);
    expect(reading.located).toBe('fiducials');
    expect(reading.classification.predicted).toBe((await classifyPadFeatures(source)).predicted);
    const manual = await readPadCardPhoto(card.png, 'card.png', card.corners);
    expect(manual.located).toBe('manual-corners');
    const error = await rejected(readPadCardPhoto(new TextEncoder().encode('hello'), 'note.txt'));
    expect(error).toMatchObject({ code: 'BAD_INPUT', params: { file: 'note.txt', reasonCode: 'format' } });
  });
});
