/**
 * Writer profile of one handwriting page: prepare the page, thin it, decompose the skeleton into graphs, assign every
 * graph to the nearest of the 40 published cluster templates (handwriterRF's templateK40) and count the fills.
 * The one entry point of native/handwriting for the rest of the project.
 */
import { badInput } from '../input-error.ts';
import { decomposeSkeleton } from './decompose.ts';
import { type ClusterTemplate, nearestTemplate, summariseGraph, templateFromJson, type TemplateCenterJson } from './graph-distance.ts';
import { binarisePage, type Binarisation, cropGrey, type CropRect, decodeGreyPage, resampleGrey } from './page-image.ts';
import { baselineAlignment, PRINT_BASELINE_SHARE, PRINT_MIN_COMPONENTS } from './print-check.ts';
import templateJson from './templateK40.json' with { type: 'json' };
import { thinZhangSuen } from './thin.ts';

/** Algorithm name and version, for provenance. */
export const HANDWRITING_PROFILE_ALGORITHM = { name: 'dalel-handwriting-profile', version: '1.1.0', template: 'handwriterRF templateK40' } as const;

/** Number of clusters in the template. */
export const CLUSTER_COUNT = 40;

/**
 * Width in pixels of the CSAFE page scans (US letter at 300 dpi) that templateK40 and the reference profiles come from.
 * The template's paths have absolute pixel lengths, so writing must be at that scale to be clustered like the
 * reference documents: a reduced copy of such a page (e.g. 612 px wide) gives graphs about four times too small, and
 * they all fall into the few tiny templates.
 */
export const REFERENCE_PAGE_WIDTH = 2550;

/** Pages narrower than this share of REFERENCE_PAGE_WIDTH are taken for reduced copies and scaled up to it. */
export const REDUCED_PAGE_SHARE = 0.5;

/** Largest scale factor profilePage applies (a page this reduced has lost the strokes' shapes anyway). */
export const MAX_SCALE = 8;

/**
 * Scale factor for a whole page of this width: 1 for scans at reference resolution, up to it (at most MAX_SCALE) for
 * reduced copies. A small image that is not a whole page (a cut-out word) needs an explicit ProfileOptions.scale.
 */
export function referenceScale(pageWidth: number): number {
  return pageWidth > 0 && pageWidth < REFERENCE_PAGE_WIDTH * REDUCED_PAGE_SHARE ? Math.min(MAX_SCALE, REFERENCE_PAGE_WIDTH / pageWidth) : 1;
}

/** Graphs with more paths than this are left out of the profile, as handwriter does (tangles, scribbles). */
export const MAX_PATHS_PER_GRAPH = 30;

/** One graph of the page and its cluster (1…40, handwriter's numbering). */
export interface ProfiledGraph {
  readonly cluster: number;
  /** Box in page pixels: x, y, width, height. */
  readonly bbox: readonly [number, number, number, number];
  /** Graph distance to the chosen template. */
  readonly distance: number;
  /** The graph in the templates' form (per path: end points, cut points, length), which `distance` was computed from. */
  readonly prototype: ClusterTemplate;
  readonly pathCount: number;
  readonly pixelCount: number;
  /** Skeleton pixels as page coordinates, flattened x0,y0,x1,y1,… (for overlays). */
  readonly skeleton: readonly number[];
  /** Variance (in pixels of the scaled page, see PageProfile.scale) of x, of y (y up) and their covariance over the graph's pixels (handwriter's xvar, yvar, covar). */
  readonly xvar: number;
  readonly yvar: number;
  readonly covar: number;
}

/** A page's writer profile. */
export interface PageProfile {
  readonly name: string;
  readonly graphCount: number;
  /** Fill counts per cluster; index k is cluster k + 1. */
  readonly counts: number[];
  /** Fill rates (counts / graphCount); all zero when there are no graphs. */
  readonly rates: number[];
  readonly graphs: ProfiledGraph[];
  readonly width: number;
  readonly height: number;
  readonly timingsMs: Record<string, number>;
  readonly threshold: number;
  /** Factor the page was scaled by before binarising (1 = as scanned; see referenceScale). */
  readonly scale: number;
  readonly skewDeg: number;
  readonly skeletonPixels: number;
  /** Share of characters exactly on their line's baseline (high for print; see print-check.ts). */
  readonly baselineShare: number;
  readonly nodeCount: number;
  readonly breakPointCount: number;
  /** Graphs left out for having more than MAX_PATHS_PER_GRAPH paths. */
  readonly droppedGraphs: number;
  readonly algorithm: typeof HANDWRITING_PROFILE_ALGORITHM;
}

/** Options of profilePage. */
export interface ProfileOptions {
  readonly crop?: CropRect;
  readonly binarisation?: Binarisation;
  readonly deskew?: boolean;
  /** Scale factor before binarising; by default referenceScale of the page's width (1 for full-resolution scans). */
  readonly scale?: number;
}

let templates: ClusterTemplate[] | null = null;

/** The 40 cluster templates, read once. */
export function clusterTemplates(): readonly ClusterTemplate[] {
  templates ??= (templateJson as { centers: TemplateCenterJson[] }).centers.map(templateFromJson);
  return templates;
}

/** Profiles one page; a file that is not an image, or a page without writing, is refused naming the file. */
export function profilePage(bytes: Uint8Array, name: string, options: ProfileOptions = {}): PageProfile {
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const lap = (stage: string) => {
    const now = performance.now();
    timings[stage] = now - mark;
    mark = now;
  };
  let grey = decodeGreyPage(bytes, name);
  const width = grey.width;
  const height = grey.height;
  let originX = 0;
  let originY = 0;
  if (options.crop) {
    const cropped = cropGrey(grey, options.crop, name);
    grey = cropped;
    originX = cropped.originX;
    originY = cropped.originY;
  }
  const scale = options.scale ?? referenceScale(width);
  if (!(scale > 0 && scale <= MAX_SCALE)) throw badInput(name, 'scale', `the scale factor ${scale} is outside 0…${MAX_SCALE}`);
  if (scale !== 1) grey = resampleGrey(grey, scale);
  lap('decode');
  const binary = binarisePage(grey, { binarisation: options.binarisation ?? 'otsu', deskew: options.deskew ?? false }, originX * scale, originY * scale);
  lap('binarise');
  if (!binary) throw badInput(name, 'no-writing', 'the page has no ink: it is empty or blank');
  const inkPixels = binary.ink.reduce((s, v) => s + v, 0);
  const inkShare = inkPixels / (grey.width * grey.height);
  // Overlays and boxes are given in the original page's pixels.
  const toPage = (v: number) => Math.round((v / scale) * 100) / 100;
  if (inkShare > 0.5) throw badInput(name, 'page-too-dark', `${Math.round(inkShare * 100)} % of the page is dark after binarisation: it is not a scan of writing on paper`);
  const baseline = baselineAlignment(binary.ink, binary.rows);
  lap('print-check');
  if (baseline.counted >= PRINT_MIN_COMPONENTS && baseline.share > PRINT_BASELINE_SHARE) {
    throw badInput(
      name,
      'print-only',
      `the page looks machine-printed, not handwritten (${Math.round(baseline.share * 100)} % of its characters sit exactly on their baseline): crop the handwriting, or choose the handwritten page`,
    );
  }
  const skeleton = thinZhangSuen(binary.ink, binary.rows, binary.cols);
  lap('thin');
  const decomposition = decomposeSkeleton(skeleton, binary.rows, binary.cols);
  lap('decompose');
  const all = clusterTemplates();
  const counts = new Array<number>(CLUSTER_COUNT).fill(0);
  const graphs: ProfiledGraph[] = [];
  let droppedGraphs = 0;
  const rows = binary.rows;
  for (const graph of decomposition.graphs) {
    if (graph.paths.length > MAX_PATHS_PER_GRAPH) {
      droppedGraphs++;
      continue;
    }
    const summary = summariseGraph(graph.pixels, graph.paths, rows);
    const { cluster, distance } = nearestTemplate(summary, all);
    counts[cluster]! += 1;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    const skeletonXY: number[] = [];
    let sx = 0;
    let sy = 0;
    let sxx = 0;
    let syy = 0;
    let sxy = 0;
    for (const p of graph.pixels) {
      const x = Math.floor(p / rows) + binary.originX;
      const y = (p % rows) + binary.originY;
      skeletonXY.push(toPage(x), toPage(y));
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
      sx += x;
      sy -= y;
      sxx += x * x;
      syy += y * y;
      sxy -= x * y;
    }
    const k = graph.pixels.length;
    const denominator = Math.max(1, k - 1);
    graphs.push({
      cluster: cluster + 1,
      bbox: [toPage(minX), toPage(minY), toPage(maxX - minX + 1), toPage(maxY - minY + 1)],
      distance,
      prototype: summary,
      pathCount: graph.paths.length,
      pixelCount: k,
      skeleton: skeletonXY,
      xvar: (sxx - (sx * sx) / k) / denominator,
      yvar: (syy - (sy * sy) / k) / denominator,
      covar: (sxy - (sx * sy) / k) / denominator,
    });
  }
  lap('cluster');
  const graphCount = graphs.length;
  if (graphCount === 0) throw badInput(name, 'no-writing', 'no handwriting strokes were found on the page');
  graphs.sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0]);
  return {
    name,
    graphCount,
    counts,
    rates: counts.map((c) => c / graphCount),
    graphs,
    width,
    height,
    timingsMs: timings,
    threshold: binary.threshold,
    scale,
    skewDeg: binary.skewDeg,
    skeletonPixels: skeleton.length,
    baselineShare: baseline.share,
    nodeCount: decomposition.nodeCount,
    breakPointCount: decomposition.breakPointCount,
    droppedGraphs,
    algorithm: HANDWRITING_PROFILE_ALGORITHM,
  };
}
