/**
 * Rendering of a height map for the expert: shaded relief (hill-shading from the surface normal under a light at a
 * given azimuth and elevation), false colour through a perceptual colour map, or both combined; missing points are
 * transparent. The colour scale spans robust percentiles, so a few spikes do not wash the image out.
 */
import { PNG } from 'pngjs';
import { resampleGrid } from '../preprocess/resample.ts';
import type { HeightGrid } from './height-grid.ts';

/** Perceptual, colour-blind-safe colour maps: anchors of viridisLite (10 stops), interpolated linearly in sRGB. */
export const colourMaps = {
  viridis: ['#440154', '#482878', '#3e4a89', '#31688e', '#26828e', '#1f9e89', '#35b779', '#6dcd59', '#b4de2c', '#fde725'],
  cividis: ['#00204d', '#00336f', '#39486b', '#575c6d', '#707173', '#8a8779', '#a69d75', '#c4b56c', '#e4cf5b', '#ffea46'],
} as const;

/** Name of a colour map in colourMaps. */
export type ColourMapName = keyof typeof colourMaps;

/** What to draw: grey relief, false colour, or false colour modulated by the relief. */
export type RenderMode = 'relief' | 'false-colour' | 'shaded-colour';

/** Rendering settings; angles in degrees, azimuth clockwise from the top of the image (315 = from the upper left). */
export interface RenderOptions {
  readonly mode: RenderMode;
  readonly azimuthDeg: number;
  readonly elevationDeg: number;
  /** Multiplies heights before shading (relief of micrometre features on a millimetre field is faint at 1). */
  readonly verticalExaggeration: number;
  readonly colourMap: ColourMapName;
  /** Percentiles of the present heights that span the colour scale. */
  readonly lowPercentile: number;
  readonly highPercentile: number;
  /** The longer side of the image is at most this many pixels (area-averaged down; never enlarged). */
  readonly maxSide: number;
}

/** Defaults: light from the upper left at 45°, viridis, 1–99 % range, 1024 pixels. */
export const defaultRenderOptions: RenderOptions = {
  mode: 'shaded-colour',
  azimuthDeg: 315,
  elevationDeg: 45,
  verticalExaggeration: 1,
  colourMap: 'viridis',
  lowPercentile: 1,
  highPercentile: 99,
  maxSide: 1024,
};

/** An RGBA image (row-major, 4 bytes a pixel) with the height range its colours span. */
export interface RenderedSurface {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8Array;
  readonly zMinUm: number;
  readonly zMaxUm: number;
}

/** The heights at two percentiles of the present points, micrometres; zeros when none is present. */
export function robustRange(grid: HeightGrid, lowPercentile: number, highPercentile: number): { zMinUm: number; zMaxUm: number } {
  const present = grid.z.filter((v) => v === v).sort();
  if (!present.length) return { zMinUm: 0, zMaxUm: 0 };
  const at = (p: number) => present[Math.min(present.length - 1, Math.max(0, Math.round((p / 100) * (present.length - 1))))]!;
  return { zMinUm: at(lowPercentile) * 1e6, zMaxUm: at(highPercentile) * 1e6 };
}

const hexRgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

/** Colour of `t` ∈ [0, 1] (clamped) on a colour map, as 0…255 RGB. */
export function colourAt(map: ColourMapName, t: number): [number, number, number] {
  const stops = colourMaps[map];
  const x = Math.min(1, Math.max(0, t)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const f = x - i;
  const a = hexRgb(stops[i]!);
  const b = hexRgb(stops[i + 1]!);
  return [0, 1, 2].map((c) => Math.round(a[c]! + (b[c]! - a[c]!) * f)) as [number, number, number];
}

/**
 * Lambertian shade in [0, 1] of every point: the normal from central differences (one-sided at a missing neighbour),
 * dotted with the light direction; NaN where the point or both neighbours along an axis are missing.
 */
export function hillshade(grid: HeightGrid, azimuthDeg: number, elevationDeg: number, verticalExaggeration = 1): Float32Array {
  const { width, height, z, step } = grid;
  const az = (azimuthDeg * Math.PI) / 180;
  const el = (elevationDeg * Math.PI) / 180;
  // Image y grows downwards, so "north" (azimuth 0) is −y.
  const lx = Math.cos(el) * Math.sin(az);
  const ly = -Math.cos(el) * Math.cos(az);
  const lz = Math.sin(el);
  const k = verticalExaggeration / step;
  const out = new Float32Array(z.length).fill(NaN);
  const slope = (i: number, prev: number | null, next: number | null) => {
    const c = z[i]!;
    const a = prev === null ? NaN : z[prev]!;
    const b = next === null ? NaN : z[next]!;
    if (a === a && b === b) return (b - a) / 2;
    if (b === b) return b - c;
    if (a === a) return c - a;
    return NaN;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (z[i] !== z[i]) continue;
      const gx = k * slope(i, x > 0 ? i - 1 : null, x < width - 1 ? i + 1 : null);
      const gy = k * slope(i, y > 0 ? i - width : null, y < height - 1 ? i + width : null);
      if (gx !== gx || gy !== gy) continue;
      // Normal (−∂z/∂x, −∂z/∂y, 1), normalised.
      const shade = (-gx * lx - gy * ly + lz) / Math.sqrt(gx * gx + gy * gy + 1);
      out[i] = Math.max(0, shade);
    }
  }
  return out;
}

/** Renders a height map as an RGBA image (downsampled for display first); missing points are fully transparent. */
export function renderSurface(grid: HeightGrid, options: Partial<RenderOptions> = {}): RenderedSurface {
  const o = { ...defaultRenderOptions, ...options };
  const side = Math.max(grid.width, grid.height);
  const shown = side > o.maxSide ? resampleGrid(grid, (grid.step * side) / o.maxSide) : grid;
  const { zMinUm, zMaxUm } = robustRange(shown, o.lowPercentile, o.highPercentile);
  const shade = o.mode === 'false-colour' ? null : hillshade(shown, o.azimuthDeg, o.elevationDeg, o.verticalExaggeration);
  const rgba = new Uint8Array(shown.width * shown.height * 4);
  const span = zMaxUm - zMinUm;
  for (let i = 0; i < shown.z.length; i++) {
    const v = shown.z[i]!;
    const s = shade ? shade[i]! : 1;
    if (v !== v || s !== s) continue;
    let rgb: [number, number, number];
    if (o.mode === 'relief') {
      const g = Math.round(255 * s);
      rgb = [g, g, g];
    } else {
      const c = colourAt(o.colourMap, span > 0 ? (v * 1e6 - zMinUm) / span : 0.5);
      // Shaded colour keeps a floor of ambient light so dark slopes still show their colour.
      const f = o.mode === 'shaded-colour' ? 0.35 + 0.65 * s : 1;
      rgb = [Math.round(c[0] * f), Math.round(c[1] * f), Math.round(c[2] * f)];
    }
    rgba.set([rgb[0], rgb[1], rgb[2], 255], 4 * i);
  }
  return { width: shown.width, height: shown.height, rgba, zMinUm, zMaxUm };
}

/** Encodes an RGBA image as PNG bytes. */
export function encodePng(image: { readonly width: number; readonly height: number; readonly rgba: Uint8Array }): Uint8Array {
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.rgba.buffer, image.rgba.byteOffset, image.rgba.byteLength);
  return new Uint8Array(PNG.sync.write(png));
}

/**
 * Renders a 2D image's intensity map (0…`fullScale`, missing = NaN) for the viewer: grey as the image was recorded
 * ('relief', no contrast stretch, so the expert sees the photograph itself), or its intensities through a colour map
 * over their robust range ('false-colour'). Downsampled like `renderSurface`; missing pixels are transparent.
 */
export function renderIntensity(grid: HeightGrid, fullScale: number, options: Partial<Pick<RenderOptions, 'mode' | 'colourMap' | 'lowPercentile' | 'highPercentile' | 'maxSide'>> = {}): Omit<RenderedSurface, 'zMinUm' | 'zMaxUm'> {
  const o = { ...defaultRenderOptions, ...options };
  const side = Math.max(grid.width, grid.height);
  const shown = side > o.maxSide ? resampleGrid(grid, (grid.step * side) / o.maxSide) : grid;
  const stretched = o.mode === 'false-colour' ? robustRange(shown, o.lowPercentile, o.highPercentile) : null;
  const rgba = new Uint8Array(shown.width * shown.height * 4);
  for (let i = 0; i < shown.z.length; i++) {
    const v = shown.z[i]!;
    if (v !== v) continue;
    if (stretched) {
      const span = stretched.zMaxUm - stretched.zMinUm;
      const c = colourAt(o.colourMap, span > 0 ? (v * 1e6 - stretched.zMinUm) / span : 0.5);
      rgba.set([c[0], c[1], c[2], 255], 4 * i);
    } else {
      const g = Math.round(255 * Math.min(1, Math.max(0, v / fullScale)));
      rgba.set([g, g, g, 255], 4 * i);
    }
  }
  return { width: shown.width, height: shown.height, rgba };
}
