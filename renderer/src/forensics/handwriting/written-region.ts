import type { HandwritingPage } from '../../../../main/contract/index.ts';

/** A rectangle in page pixels. */
export interface PageRegion {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Room kept around the writing, as a share of the written area's longer side. */
const marginShare = 0.04;

/**
 * The part of the page the viewer shows: the box around every graph with a small margin, so that the writing fills the
 * pane instead of a few lines at the top of a mostly empty sheet; the whole page when nothing was found on it.
 */
export function writtenRegion(page: Pick<HandwritingPage, 'width' | 'height' | 'graphs'>): PageRegion {
  if (page.graphs.length === 0) return { x: 0, y: 0, width: page.width, height: page.height };
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const { bbox } of page.graphs) {
    x0 = Math.min(x0, bbox[0]);
    y0 = Math.min(y0, bbox[1]);
    x1 = Math.max(x1, bbox[0] + bbox[2]);
    y1 = Math.max(y1, bbox[1] + bbox[3]);
  }
  const margin = Math.ceil(marginShare * Math.max(x1 - x0, y1 - y0));
  const x = Math.max(0, Math.floor(x0 - margin));
  const y = Math.max(0, Math.floor(y0 - margin));
  return { x, y, width: Math.min(page.width, Math.ceil(x1 + margin)) - x, height: Math.min(page.height, Math.ceil(y1 + margin)) - y };
}
