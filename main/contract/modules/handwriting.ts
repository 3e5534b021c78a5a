/** Result schemas of the handwriting module (writer profiles of pages, known-vs-questioned comparison), shared with the viewer. */
import { z } from 'zod';
import { id, sha256Hex } from '../common.ts';
import { ProvenanceSchema } from '../findings.ts';

/** Scripts an expert may declare for a page: the reference data cover Latin only until a lab installs its own set. */
export const handwritingScripts = ['latin', 'cyrillic'] as const;
/** A declared script. */
export const HandwritingScriptSchema = z.enum(handwritingScripts);

/** Number of clusters of the writer profile (handwriterRF's templateK40). */
export const handwritingClusterCount = 40;

/** One graph of a page: its cluster (1…40), its box in page pixels and (results since skeletons are kept) its skeleton. */
export const HandwritingGraphSchema = z.object({
  cluster: z.number().int().min(1).max(handwritingClusterCount),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  /**
   * The graph's one-pixel skeleton, compact: base64 of (x, y) offsets from the box's corner, one byte each when the box
   * is at most 255 pixels on both sides (nearly every graph), else little-endian uint16 (see skeletonBytesPerOffset).
   */
  skeleton: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/).optional(),
});
/** One graph of a page. */
export type HandwritingGraph = z.infer<typeof HandwritingGraphSchema>;

type Box = HandwritingGraph['bbox'];

/** Bytes per stored skeleton offset: one when every offset inside the box fits a byte, else two. */
const skeletonBytesPerOffset = (bbox: Box): 1 | 2 => (bbox[2] <= 255 && bbox[3] <= 255 ? 1 : 2);

/** Packs skeleton pixels (flat x, y pairs in page pixels) as offsets from the box's corner, the form the result stores. */
export function encodeHandwritingSkeleton(pixels: ArrayLike<number>, bbox: Box): string {
  const size = skeletonBytesPerOffset(bbox);
  const limit = size === 1 ? 0xff : 0xffff;
  const bytes = new Uint8Array(pixels.length * size);
  for (let k = 0; k < pixels.length; k++) {
    const offset = Math.max(0, Math.min(limit, Math.round(pixels[k]! - bbox[k % 2]!)));
    if (size === 1) bytes[k] = offset;
    else {
      bytes[2 * k] = offset & 0xff;
      bytes[2 * k + 1] = offset >> 8;
    }
  }
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The skeleton pixels of a stored graph as flat x, y pairs in page pixels (empty for results stored without them). */
export function decodeHandwritingSkeleton(graph: HandwritingGraph): number[] {
  if (!graph.skeleton) return [];
  const binary = atob(graph.skeleton);
  const size = skeletonBytesPerOffset(graph.bbox);
  const pixels: number[] = [];
  for (let i = 0, k = 0; i + size <= binary.length; i += size, k++) {
    const offset = size === 1 ? binary.charCodeAt(i) : binary.charCodeAt(i) + 256 * binary.charCodeAt(i + 1);
    pixels.push(graph.bbox[k % 2]! + offset);
  }
  // An odd count would be a damaged string: drop the unpaired coordinate rather than draw it wrongly.
  return pixels.length % 2 === 0 ? pixels : pixels.slice(0, -1);
}

/** A page's writer profile as stored and drawn. */
export const HandwritingPageSchema = z.object({
  evidenceId: id.nullable(),
  name: z.string(),
  sha256: sha256Hex,
  role: z.enum(['known', 'questioned', 'page']),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  graphCount: z.number().int().nonnegative(),
  counts: z.array(z.number().int().nonnegative()).length(handwritingClusterCount),
  rates: z.array(z.number().min(0).max(1)).length(handwritingClusterCount),
  graphs: z.array(HandwritingGraphSchema),
  timingsMs: z.record(z.string(), z.number()),
  /** Content hash of the overlay PNG (graphs coloured by cluster) kept with the run. */
  overlaySha256: sha256Hex.nullable(),
});
/** A page's writer profile. */
export type HandwritingPage = z.infer<typeof HandwritingPageSchema>;

/** The comparison's outcome: a score and, where the reference data allow, a bounded SLR on the ENFSI verbal scale. */
export const HandwritingComparisonSchema = z.object({
  score: z.number().nullable(),
  slr: z.number().nullable(),
  log10Slr: z.number().nullable(),
  verbal: z.string().nullable(),
  abstention: z.object({ reason: z.string(), code: z.string() }).nullable(),
  model: z.object({ hash: z.string().nullable(), name: z.string() }),
  /** Distances of the pooled known and the questioned profile from the reference population, and the domain's limit. */
  domain: z.object({ known: z.number(), questioned: z.number(), limit: z.number() }).nullable().optional(),
  /** Clusters whose fill rates differ most between the known writing and the questioned page (1-based), largest first. */
  drivers: z.array(z.object({ cluster: z.number().int(), known: z.number(), questioned: z.number() })),
});
/** The comparison's outcome. */
export type HandwritingComparison = z.infer<typeof HandwritingComparisonSchema>;

/** A writer comparison's full result (known pages pooled vs one questioned page). */
export const HandwritingComparisonResultSchema = z.object({
  kind: z.literal('handwriting-comparison'),
  script: HandwritingScriptSchema,
  known: z.array(HandwritingPageSchema).min(1),
  questioned: HandwritingPageSchema,
  pooledKnownCounts: z.array(z.number().int().nonnegative()).length(handwritingClusterCount),
  comparison: HandwritingComparisonSchema,
  provenance: ProvenanceSchema,
  timing: z.record(z.string(), z.number()),
});
/** A writer comparison's full result. */
export type HandwritingComparisonResult = z.infer<typeof HandwritingComparisonResultSchema>;

/** Profiles of pages on their own (no comparison). */
export const HandwritingProfileResultSchema = z.object({
  kind: z.literal('handwriting-profile'),
  pages: z.array(HandwritingPageSchema).min(1),
  provenance: ProvenanceSchema,
  timing: z.record(z.string(), z.number()),
});
/** Profiles of pages on their own. */
export type HandwritingProfileResult = z.infer<typeof HandwritingProfileResultSchema>;

/**
 * The colour a cluster (1…40) is drawn in, the same in the overlay PNG and the viewer: hues spread by the golden angle
 * so neighbouring cluster numbers look different, at two lightness levels.
 */
export function handwritingClusterColour(cluster: number): readonly [number, number, number] {
  const hue = ((cluster - 1) * 137.508) % 360;
  const lightness = cluster % 2 === 0 ? 0.42 : 0.55;
  const saturation = 0.85;
  const c = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const x = c * (1 - Math.abs(((hue / 60) % 2) - 1));
  const m = lightness - c / 2;
  const [r, g, b] = hue < 60 ? [c, x, 0] : hue < 120 ? [x, c, 0] : hue < 180 ? [0, c, x] : hue < 240 ? [0, x, c] : hue < 300 ? [x, 0, c] : [c, 0, x];
  return [Math.round((r + m) * 255), Math.round((g + m) * 255), Math.round((b + m) * 255)];
}
