import { describe, expect, it } from 'vitest';
import { calibratePhoto } from '../../../native/drugs/calibration/calibrate.ts';
import { COLORCHECKER_CLASSIC, parseTargetDescription } from '../../../native/drugs/calibration/targets.ts';
import { InputError } from '../../../native/input-error.ts';
import { renderScene, ILLUMINANTS } from '../../helpers/drugs/synthetic-photo.ts';
import { thrownBy } from '../../helpers/thrown.ts';

/** Every fourth patch is held back from the fit: six patches (chromatic and neutral) the correction never saw. */
const HELD_BACK = [1, 5, 9, 13, 17, 21];
const SEEDS = [11, 12, 13];

const refusal = (run: () => unknown): InputError => thrownBy(InputError, run);

describe('colour calibration on synthetic photos', () => {
  for (const illuminant of Object.keys(ILLUMINANTS) as Array<keyof typeof ILLUMINANTS>) {
    it(`corrects held-back patches to ≤ 2 ΔE2000 under ${illuminant} light`, () => {
      const worst: number[] = [];
      for (const seed of SEEDS) {
        const { image } = renderScene({ seed, illuminant, width: 720, height: 480, noiseSigma: 2, blurRadius: 1, perspective: 0.05 });
        const calibration = calibratePhoto(image, `${illuminant}-${seed}.png`, { holdOut: HELD_BACK });
        const heldBack = calibration.patches.filter((p) => p.heldOut);
        expect(heldBack).toHaveLength(HELD_BACK.length);
        worst.push(...heldBack.map((p) => p.deltaE));
        for (const patch of heldBack) expect(patch.deltaE, `${illuminant} seed ${seed} ${patch.name}`).toBeLessThanOrEqual(2);
        // The uncorrected photo is far off under coloured light: the correction did the work.
        if (illuminant === 'tungsten') expect(Math.max(...heldBack.map((p) => Math.abs(p.rawLab[2] - p.referenceLab[2])))).toBeGreaterThan(10);
      }
      console.log(`[calibration ${illuminant}] ${worst.length} held-back patches of ${SEEDS.length} photos: mean ${(worst.reduce((a, b) => a + b, 0) / worst.length).toFixed(2)}, worst ${Math.max(...worst).toFixed(2)} ΔE2000`);
    });
  }

  it('reports every model and chooses the lowest leave-one-out error', () => {
    const { image } = renderScene({ seed: 5, illuminant: 'fluorescent', width: 720, height: 480 });
    const calibration = calibratePhoto(image, 'photo.png');
    const errors = calibration.modelErrors;
    const values = Object.values(errors);
    expect(values).toHaveLength(3);
    expect(values.every((v) => v !== null)).toBe(true);
    expect(errors[calibration.correction.kind]).toBe(Math.min(...values.map((v) => v!)));
    expect(calibration.patches.every((p) => p.looDeltaE !== null)).toBe(true);
  });

  it('finds a target laid upside down (the colours decide which corner is its first)', () => {
    const { image } = renderScene({ seed: 7, illuminant: 'tungsten', width: 720, height: 480, targetTurned: true });
    const calibration = calibratePhoto(image, 'turned.png');
    expect(calibration.looMean).toBeLessThan(1);
    // The target's first patch (dark skin) now lies at the card's bottom right in the photo.
    expect(calibration.patches[0]!.centre.y).toBeGreaterThan(calibration.patches[23]!.centre.y);
  });

  it('takes the four clicked corners instead of detection and gets the same answer', () => {
    const { image } = renderScene({ seed: 8, illuminant: 'daylight', width: 720, height: 480 });
    const detected = calibratePhoto(image, 'photo.png');
    const given = calibratePhoto(image, 'photo.png', { corners: detected.corners });
    expect(given.cornersFrom).toBe('given');
    expect(given.looMean).toBeCloseTo(detected.looMean, 6);
  });

  it('refuses a photo without a target, naming the file', () => {
    const { image } = renderScene({ seed: 3, width: 600, height: 400, withoutTarget: true, wells: [{ label: 'A1', lab: [40, 50, 10] }] });
    const error = refusal(() => calibratePhoto(image, 'no-target.jpg'));
    expect(error.reasonCode).toBe('target-not-found');
    expect(error.message).toContain('no-target.jpg');
  });

  it('refuses an over-exposed photo (clipped patches), naming them', () => {
    const { image } = renderScene({ seed: 4, width: 720, height: 480, exposure: 2.2 });
    const error = refusal(() => calibratePhoto(image, 'bright.jpg'));
    expect(error.reasonCode).toBe('photo-clipped');
    expect(error.message).toMatch(/white 9\.5/);
  });

  it('refuses when the residual is larger than the threshold', () => {
    const { image } = renderScene({ seed: 6, width: 720, height: 480 });
    const error = refusal(() => calibratePhoto(image, 'strict.jpg', { maxMeanDeltaE: 0.01 }));
    expect(error.reasonCode).toBe('calibration-residual');
  });
});

describe('custom targets as data', () => {
  const patches = COLORCHECKER_CLASSIC.patches.map((p) => ({ name: p.name, lab: [...p.lab] }));

  it('reads a target description and calibrates with it', () => {
    const target = parseTargetDescription(JSON.stringify({ id: 'lab-card', name: 'Lab card', rows: 4, cols: 6, patches }), 'card.json');
    expect(target.patches).toHaveLength(24);
    const { image } = renderScene({ seed: 9, width: 720, height: 480 });
    expect(calibratePhoto(image, 'photo.png', { target }).targetId).toBe('lab-card');
  });

  it('names the file and the field of a bad description', () => {
    const bad = { id: 'x', name: 'X', rows: 4, cols: 6, patches: patches.map((p, i) => (i === 3 ? { name: p.name, lab: [120, 0, 0] } : p)) };
    const error = refusal(() => parseTargetDescription(JSON.stringify(bad), 'card.json'));
    expect(error.message).toContain('card.json');
    expect(error.message).toContain('patches[3].lab');
    expect(refusal(() => parseTargetDescription(JSON.stringify({ ...bad, rows: 3 }), 'card.json')).message).toContain('expected 18 patches');
  });
});
