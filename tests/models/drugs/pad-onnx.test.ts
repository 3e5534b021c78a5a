import { describe, expect, it } from 'vitest';
import { readPadFolder } from '../../../models/drugs/pad-folder.ts';
import { padFeatureCount } from '../../../models/drugs/pad-layout.ts';
import { scorePad } from '../../../models/drugs/pad-model.ts';
import { exportPadOnnx } from '../../../models/drugs/pad-onnx.ts';
import { defaultPadModelDir, PadRunner } from '../../../main/services/forensics/drugs/pad/pad-runner.ts';
import { seededRandom } from '../../../models/ebm/random.ts';

describe('shipped PAD model: TypeScript and ONNX agree', () => {
  it('gives the same identity, concentration and inputs to 1e-6 on random and extreme cards', async () => {
    const folder = readPadFolder(defaultPadModelDir());
    expect(Buffer.from(exportPadOnnx(folder.model)).equals(Buffer.from(folder.onnx))).toBe(true);
    const random = seededRandom(7);
    const n = 64;
    const raw = Float64Array.from({ length: n * padFeatureCount }, (_, k) => (k < padFeatureCount ? 0 : k < 2 * padFeatureCount ? 255 : Math.round(random() * 255)));
    const ts = scorePad(folder.model, raw, n);
    const runner = await PadRunner.open(defaultPadModelDir());
    const onnx = await runner.scores(raw, n);
    await runner.close();
    const maxDiff = (a: Float64Array, b: Float64Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);
    expect(onnx.identity.length).toBe(ts.identity.length);
    expect(maxDiff(ts.identity, onnx.identity)).toBeLessThan(1e-6);
    expect(maxDiff(ts.concentration, onnx.concentration)).toBeLessThan(1e-6);
    expect(maxDiff(ts.inputs, onnx.inputs)).toBeLessThan(1e-6);
  });
});
