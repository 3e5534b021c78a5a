/** Applying a photo's colour correction to whole (downscaled) images, for the detectors that work on true colours. */
import { correctionTerms, type Correction } from './correction.ts';
import { linearRgbToLab } from '../colour/spaces.ts';
import { LINEAR_OF_8BIT, type RgbaImage } from '../image/rgba-image.ts';

/** Corrected CIELAB planes of an image: lightness L*, and chroma C*ab and a*, one value a pixel. */
export interface LabPlanes {
  readonly width: number;
  readonly height: number;
  readonly lightness: Float32Array;
  readonly chroma: Float32Array;
  readonly a: Float32Array;
}

/**
 * Corrects every pixel of a (small) image and returns its L*, C*ab and a* planes. Pixels are corrected through a
 * table over 5-bit-per-channel codes (32 768 entries), so a photo of any size costs one table build plus a look-up a
 * pixel; quantising to 5 bits moves a colour by a few ΔE2000 at most, inside the margins of the detectors' thresholds (colours that are
 * reported are always sampled from the full photo, never from this table).
 */
export function correctedLabPlanes(image: RgbaImage, correction: Correction): LabPlanes {
  const table = new Float32Array(32 * 32 * 32 * 3);
  for (let r = 0; r < 32; r += 1) {
    for (let g = 0; g < 32; g += 1) {
      for (let b = 0; b < 32; b += 1) {
        const rgb = [LINEAR_OF_8BIT[r * 8 + 4]!, LINEAR_OF_8BIT[g * 8 + 4]!, LINEAR_OF_8BIT[b * 8 + 4]!] as const;
        const t = correctionTerms(correction.kind, rgb);
        const out = correction.weights.map((w) => w.reduce((sum, wi, i) => sum + wi * t[i]!, 0));
        const lab = linearRgbToLab([out[0]!, out[1]!, out[2]!]);
        const q = ((r * 32 + g) * 32 + b) * 3;
        table[q] = lab[0];
        table[q + 1] = lab[1];
        table[q + 2] = lab[2];
      }
    }
  }
  const n = image.width * image.height;
  const lightness = new Float32Array(n);
  const chroma = new Float32Array(n);
  const a = new Float32Array(n);
  const data = image.data;
  for (let i = 0, p = 0; i < n; i += 1, p += 4) {
    const q = (((data[p]! >> 3) * 32 + (data[p + 1]! >> 3)) * 32 + (data[p + 2]! >> 3)) * 3;
    lightness[i] = table[q]!;
    a[i] = table[q + 1]!;
    chroma[i] = Math.hypot(table[q + 1]!, table[q + 2]!);
  }
  return { width: image.width, height: image.height, lightness, chroma, a };
}
