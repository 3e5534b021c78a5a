/** One handwriting page as the viewer shows it: the page image, each graph's box outlined in its cluster's colour, its skeleton. */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useMemo } from 'react';
import { decodeHandwritingSkeleton, type HandwritingGraph, type HandwritingPage, handwritingClusterColour } from '../../../../main/contract/index.ts';
import { call } from '../../api/api-error.ts';
import { useApi } from '../../api/api-context.ts';
import { useLoaded } from '../../common/use-loaded.ts';
import { writtenRegion } from './written-region.ts';

/** Props of PagePane. */
export interface PagePaneProps {
  readonly page: HandwritingPage;
  readonly title: string;
  readonly width: number;
  readonly height: number;
  readonly showGraphs: boolean;
  /** Draw each graph's one-pixel skeleton in its cluster's colour. */
  readonly showSkeleton: boolean;
  /** Clusters to emphasise (the others are drawn faint), or null for all alike. */
  readonly highlight: readonly number[] | null;
}

const rgb = (cluster: number) => `rgb(${handwritingClusterColour(cluster).join(',')})`;

/** An SVG path of one-pixel squares, one per skeleton pixel, in page pixels. */
function skeletonPath(graph: HandwritingGraph): string {
  const pixels = decodeHandwritingSkeleton(graph);
  const parts: string[] = [];
  for (let k = 0; k + 1 < pixels.length; k += 2) parts.push(`M${pixels[k]} ${pixels[k + 1]}h1v1h-1z`);
  return parts.join('');
}

/** The page's written part scaled to fit the pane, with SVG layers of graph boxes and skeletons in the page's own pixel coordinates. */
export function PagePane({ page, title, width, height, showGraphs, showSkeleton, highlight }: PagePaneProps) {
  const api = useApi();
  const evidenceId = page.evidenceId;
  const load = useCallback(async () => (evidenceId ? call(api, 'evidence.surface', { evidenceId, style: 'relief' }) : undefined), [api, evidenceId]);
  const image = useLoaded(load);
  const url = useMemo(() => (image.value ? URL.createObjectURL(new Blob([image.value.png as Uint8Array<ArrayBuffer>], { type: 'image/png' })) : null), [image.value]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  const skeletons = useMemo(() => (showSkeleton ? page.graphs.map(skeletonPath) : []), [page.graphs, showSkeleton]);
  // The written part of the page, as large as the pane allows; the image and the graph layers are cut to it alike.
  const region = useMemo(() => writtenRegion(page), [page]);
  const scale = Math.min(width / region.width, (height - 28) / region.height);
  const w = Math.max(1, Math.floor(region.width * scale));
  const h = Math.max(1, Math.floor(region.height * scale));
  const viewBox = `${region.x} ${region.y} ${region.width} ${region.height}`;
  return (
    <Box data-testid="handwriting-page" sx={{ width }}>
      <Typography variant="subtitle2" noWrap title={page.name}>
        {title}: {page.name}
      </Typography>
      <Box sx={{ position: 'relative', width: w, height: h, bgcolor: '#fff', border: 1, borderColor: 'divider', overflow: 'hidden' }} data-region={viewBox}>
        {url && (
          <img
            src={url}
            alt={page.name}
            width={Math.round(page.width * scale)}
            height={Math.round(page.height * scale)}
            style={{ position: 'absolute', left: -region.x * scale, top: -region.y * scale, maxWidth: 'none' }}
          />
        )}
        {showGraphs && (
          <svg width={w} height={h} viewBox={viewBox} style={{ position: 'absolute', inset: 0 }} data-testid="handwriting-graphs">
            {page.graphs.map((g, i) => {
              const faint = highlight !== null && !highlight.includes(g.cluster);
              return (
                <rect
                  key={i}
                  x={g.bbox[0] - 0.5}
                  y={g.bbox[1] - 0.5}
                  width={g.bbox[2] + 1}
                  height={g.bbox[3] + 1}
                  fill={rgb(g.cluster)}
                  fillOpacity={faint ? 0.04 : 0.18}
                  stroke={rgb(g.cluster)}
                  strokeOpacity={faint ? 0.25 : 1}
                  strokeWidth={1 / scale}
                >
                  <title>{g.cluster}</title>
                </rect>
              );
            })}
          </svg>
        )}
        {showSkeleton && (
          <svg width={w} height={h} viewBox={viewBox} style={{ position: 'absolute', inset: 0 }} data-testid="handwriting-skeleton">
            {page.graphs.map((g, i) =>
              skeletons[i] ? <path key={i} d={skeletons[i]} fill={rgb(g.cluster)} fillOpacity={highlight !== null && !highlight.includes(g.cluster) ? 0.25 : 1} shapeRendering="crispEdges" /> : null,
            )}
          </svg>
        )}
      </Box>
    </Box>
  );
}
