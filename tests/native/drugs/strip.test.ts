import { describe, expect, it } from 'vitest';
import { calibratePhoto } from '../../../native/drugs/calibration/calibrate.ts';
import { parsePanelDescription } from '../../../native/drugs/strip/panel.ts';
import { readCassette } from '../../../native/drugs/strip/read-strip.ts';
import { InputError } from '../../../native/input-error.ts';
import { renderScene, seededRandom } from '../../helpers/drugs/synthetic-photo.ts';

/**
 * Faint test lines: the dye takes 10 % of the membrane's green reflectance at the line's centre (a line of 0.6 mm
 * Gaussian width), i.e. a peak green absorbance of about 0.046 before blur and about 0.03 in the photo.
 */
const FAINT = 0.1;
const STRONG = 0.5;

const panelText = JSON.stringify({
  name: 'Five-panel cassette',
  panels: ['THC', 'COC', 'MOP', 'AMP', 'MET'].map((drug) => ({ drug, cutoffNgMl: 50, controlAt: 0.3, testAt: 0.65 })),
});

describe('lateral-flow cassettes in synthetic photos', () => {
  it('reads ≥ 99 % of strips correctly, faint test lines included', () => {
    const description = parsePanelDescription(panelText, 'five-panel.json');
    let correct = 0;
    let total = 0;
    let faint = 0;
    let faintCorrect = 0;
    for (let seed = 300; seed < 320; seed += 1) {
      const random = seededRandom(seed);
      const windows = description.panels.map(() => ({
        control: random() < 0.1 ? 0 : 0.6,
        test: [0, FAINT, STRONG][Math.floor(random() * 3)]!,
        controlAt: 0.3,
        testAt: 0.65,
      }));
      const { image } = renderScene({ seed, illuminant: (['daylight', 'tungsten', 'fluorescent'] as const)[seed % 3], windows, width: 720, height: 480, noiseSigma: 2, perspective: 0.04 });
      const calibration = calibratePhoto(image, `cassette-${seed}.png`);
      const { strips } = readCassette(image, calibration.correction, description);
      windows.forEach((w, i) => {
        const expected = w.control === 0 ? 'invalid' : w.test > 0 ? 'negative' : 'positive';
        total += 1;
        if (w.test === FAINT && w.control > 0) faint += 1;
        if (strips[i]?.result === expected) correct += 1;
        if (w.test === FAINT && w.control > 0 && strips[i]?.result === expected) faintCorrect += 1;
      });
    }
    console.log(`[strips] ${correct}/${total} read correctly; faint test lines (${FAINT * 100}% of the green reflectance) ${faintCorrect}/${faint}`);
    expect(total).toBe(100);
    expect(faint).toBeGreaterThan(20);
    expect(correct / total).toBeGreaterThanOrEqual(0.99);
  });

  it('reports the test/control intensity ratio and the profile', () => {
    const windows = [{ control: 0.6, test: 0.3, controlAt: 0.3, testAt: 0.65 }, { control: 0.6, test: 0, controlAt: 0.3, testAt: 0.65 }];
    const description = parsePanelDescription(JSON.stringify({ name: 'two', panels: [{ drug: 'THC', controlAt: 0.3, testAt: 0.65 }, { drug: 'COC', controlAt: 0.3, testAt: 0.65, format: 'competitive' }] }), 'two.json');
    const { image } = renderScene({ seed: 4, windows, width: 720, height: 480 });
    const { strips } = readCassette(image, calibratePhoto(image, 'two.png').correction, description);
    expect(strips.map((s) => s.result)).toEqual(['negative', 'positive']);
    expect(strips[0]!.intensityRatio!).toBeGreaterThan(0.3);
    expect(strips[0]!.intensityRatio!).toBeLessThan(0.9);
    expect(strips[1]!.intensityRatio!).toBeLessThan(0.1);
    expect(strips[0]!.profile.length).toBeGreaterThan(50);
  });

  it('names the file and field of a bad panel file', () => {
    const bad = JSON.stringify({ name: 'x', panels: [{ drug: 'THC', controlAt: 1.3, testAt: 0.6 }] });
    expect(() => parsePanelDescription(bad, 'panel.json')).toThrow(InputError);
    expect(() => parsePanelDescription(bad, 'panel.json')).toThrow(/panel\.json: panels\[0\]\.controlAt/);
  });
});
