/** A scale bar: a round length in µm and how long it is on screen. */
export interface ScaleBar {
  readonly um: number;
  readonly px: number;
}

/**
 * The longest round length (1, 2 or 5 × 10ⁿ µm) whose bar fits in `maxPx` screen pixels at the current zoom, so the
 * bar stays readable at every zoom; `pixelUm` is the lateral size of one image pixel.
 */
export function scaleBar(pixelUm: number, scale: number, maxPx = 160): ScaleBar | null {
  const umPerScreenPx = pixelUm / scale;
  if (!(umPerScreenPx > 0) || !Number.isFinite(umPerScreenPx)) return null;
  const maxUm = maxPx * umPerScreenPx;
  const power = Math.pow(10, Math.floor(Math.log10(maxUm)));
  const um = [5, 2, 1].map((m) => m * power).find((v) => v <= maxUm) ?? power;
  return { um, px: um / umPerScreenPx };
}
