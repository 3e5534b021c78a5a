/**
 * A PAD card photo rendered from 360 region colours (the pad_cards CSV layout), on the card template of
 * native/drugs/pad/card-template.ts: paper, four black fiducials, 12 lanes × 10 regions, seen straight on, on a grey
 * bench. Enough to run the PAD method end to end in the workstation.
 */
import { cardHeight, cardWidth, fiducialCentres, fiducialSize, laneCount, referenceBlack, referencePaper, regionBox, regionsPerLane } from '../../../native/drugs/pad/card-template.ts';
import type { RgbaImage } from '../../../native/drugs/image/rgba-image.ts';

/** Renders a card with the given features (360 values, lane by lane, region by region, R G B) at `scale` px per unit. */
export function renderPadCard(features: readonly number[], scale = 6): RgbaImage {
  const margin = 20;
  const width = Math.round(cardWidth * scale) + 2 * margin;
  const height = Math.round(cardHeight * scale) + 2 * margin;
  const data = new Uint8Array(width * height * 4);
  for (let py = 0; py < height; py += 1) {
    for (let px = 0; px < width; px += 1) {
      const x = (px + 0.5 - margin) / scale;
      const y = (py + 0.5 - margin) / scale;
      let rgb: readonly number[] = [120, 120, 120];
      if (x >= 0 && y >= 0 && x < cardWidth && y < cardHeight) {
        rgb = referencePaper;
        if (fiducialCentres.some(([cx, cy]) => Math.abs(x - cx) < fiducialSize / 2 && Math.abs(y - cy) < fiducialSize / 2)) rgb = referenceBlack;
        for (let lane = 0; lane < laneCount; lane += 1) {
          for (let region = 0; region < regionsPerLane; region += 1) {
            const [x0, y0, x1, y1] = regionBox(lane, region);
            if (x >= x0 && x < x1 && y >= y0 && y < y1) {
              const at = (lane * regionsPerLane + region) * 3;
              rgb = [features[at]!, features[at + 1]!, features[at + 2]!];
            }
          }
        }
      }
      const p = (py * width + px) * 4;
      data[p] = Math.round(rgb[0]!);
      data[p + 1] = Math.round(rgb[1]!);
      data[p + 2] = Math.round(rgb[2]!);
      data[p + 3] = 255;
    }
  }
  return { width, height, data };
}
