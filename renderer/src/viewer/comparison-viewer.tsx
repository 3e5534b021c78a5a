import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../common/format.ts';
import type { SurfaceImage } from './viewer-types.ts';
import { BallisticsResultSchema, type BallisticsResult } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useLoaded } from '../common/use-loaded.ts';
import { moduleViewerPanels } from '../forensics/registry.ts';
import { insidePolygon, type Point } from './plane-geometry.ts';
import type { ComparisonMode, SurfaceStyle } from './comparison-mode.ts';
import { usePaneSurface } from './decoded-surface.ts';
import { MeasurePanel } from './measure-panel.tsx';
import { pointsNeeded, type MeasureTool } from './measure.ts';
import { DifferenceView } from './modes/difference-view.tsx';
import type { ModeProps } from './modes/mode-props.ts';
import { OverlayView } from './modes/overlay-view.tsx';
import { SideBySideView } from './modes/side-by-side-view.tsx';
import { SingleView } from './modes/single-view.tsx';
import { SwipeView } from './modes/swipe-view.tsx';
import { cellOutline, drawCells, drawMeasure, type DrawnCell } from './paint-layers.ts';
import { scaleBar } from './scale-bar.ts';
import { useHotkeys } from './use-hotkeys.ts';
import { markFirstRender, markFrameDrawn, markInput, markViewerMounted } from './viewer-perf.ts';
import { fitTransform, zoomAbout, zoomStep, type ViewTransform } from './view-transform.ts';
import { ViewerToolbar, type Direction } from './viewer-toolbar.tsx';

/**
 * What the viewer shows: the surfaces of an analysis run, or evidence items as received (two side by side, or one on
 * its own), each with its name for the pane labels.
 */
export type ViewerSource =
  | { readonly kind: 'run'; readonly runId: string; readonly evidenceIds: readonly string[]; readonly module?: string }
  | { readonly kind: 'evidence'; readonly items: readonly [ViewerItem] | readonly [ViewerItem, ViewerItem] };

/** An evidence item as the viewer labels it. */
export interface ViewerItem {
  readonly id: string;
  readonly name: string;
}

/** The component that draws each comparison mode (one each, GitHub Desktop's ImageDiffType). */
export const modeViews: Readonly<Record<ComparisonMode, ComponentType<ModeProps>>> = {
  'side-by-side': SideBySideView,
  overlay: OverlayView,
  swipe: SwipeView,
  difference: DifferenceView,
};

/** Props of ComparisonViewer. */
export interface ComparisonViewerProps {
  readonly caseId: string;
  readonly source: ViewerSource;
  /** Told after a measurement was saved as a manual finding. */
  readonly onFindingAdded: () => void;
  /** Pane area width in CSS pixels (both panes together). */
  readonly width?: number;
  readonly height?: number;
}

type Result = BallisticsResult;
const emptyPaint: ModeProps['overlayA'] = () => undefined;

/** The land pair a bullet result opens on: the best-scoring pair of the best rotation (the one the conclusion rests on). */
export function bestLandPair(result: Result | undefined): readonly [number, number] | null {
  if (result?.kind !== 'bullet') return null;
  let best: { pair: readonly [number, number]; score: number } | null = null;
  for (const [a, b] of result.rotation.pairs) {
    const score = result.landPairs.find((p) => p.a === a && p.b === b)?.score ?? -Infinity;
    if (!best || score > best.score) best = { pair: [a, b], score };
  }
  return best?.pair ?? null;
}

/** Which surface indices of a run the panes show: a cartridge case's two, or the chosen land pair of two bullets. */
function surfaceIndices(result: Result | undefined, pair: readonly [number, number], direction: Direction): readonly [number, number] | null {
  if (!result) return null;
  if (result.kind === 'bullet') return [pair[0], result.a.length + pair[1]];
  return direction === 'aToB' ? [0, 1] : [1, 0];
}

/**
 * The comparison viewer: four modes over one shared view transform (drag to pan, wheel to zoom about the cursor,
 * keys to zoom), relief or false colour with a µm scale bar, CMC cells on both surfaces with their registration,
 * aligned bullet signatures with the land-pair table, and distance/angle tools that record manual findings.
 */
export function ComparisonViewer({ caseId, source, onFindingAdded, width = 960, height = 480 }: ComparisonViewerProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const api = useApi();
  const [mode, setMode] = useState<ComparisonMode>('side-by-side');
  const [style, setStyle] = useState<SurfaceStyle>('relief');
  const [direction, setDirection] = useState<Direction>('aToB');
  const [chosenPair, setPair] = useState<readonly [number, number] | null>(null);
  const [aligned, setAligned] = useState(true);
  const [tool, setTool] = useState<MeasureTool | null>(null);
  const [points, setPoints] = useState<{ pane: 'a' | 'b'; list: readonly Point[] }>({ pane: 'a', list: [] });
  const [hover, setHover] = useState<{ pane: 'a' | 'b'; cell: DrawnCell } | null>(null);
  // The view belongs to one layout (surface size, one or two panes): another land pair or mode starts fitted.
  const [view, setViewFor] = useState<{ readonly layout: string; readonly transform: ViewTransform } | null>(null);

  useEffect(() => markViewerMounted(), []);

  const runId = source.kind === 'run' ? source.runId : null;
  const loadResult = useCallback(async () => (runId ? BallisticsResultSchema.parse(await call(api, 'analysis.result', { runId })) : undefined), [api, runId]);
  const result = useLoaded(loadResult);
  const pair = chosenPair ?? bestLandPair(result.value) ?? [0, 0];
  const indices = surfaceIndices(result.value, pair, direction);
  const ia = indices?.[0];
  const ib = indices?.[1];
  const evA = source.kind === 'evidence' ? source.items[0].id : null;
  const evB = source.kind === 'evidence' ? (source.items[1]?.id ?? null) : null;
  const single = source.kind === 'evidence' && source.items.length === 1;
  const loadSurfaces = useCallback(async (): Promise<readonly [SurfaceImage, SurfaceImage | undefined] | undefined> => {
    if (evA && !evB) return [await call(api, 'evidence.surface', { evidenceId: evA, style }), undefined];
    if (evA && evB) return Promise.all([call(api, 'evidence.surface', { evidenceId: evA, style }), call(api, 'evidence.surface', { evidenceId: evB, style })]);
    if (!runId || ia === undefined || ib === undefined) return undefined;
    return Promise.all([call(api, 'analysis.surface', { runId, surface: ia, style }), call(api, 'analysis.surface', { runId, surface: ib, style })]);
  }, [api, runId, ia, ib, evA, evB, style]);
  const surfaces = useLoaded(loadSurfaces);
  const a = usePaneSurface(surfaces.value?.[0]);
  const b = usePaneSurface(surfaces.value?.[1]);

  const sideBySide = mode === 'side-by-side' && !single;
  const paneWidth = sideBySide ? Math.max(1, Math.floor((width - 8) / 2)) : width;
  const aWidth = a?.width ?? 0;
  const aHeight = a?.height ?? 0;
  const fitted = useMemo(() => (aWidth ? fitTransform(aWidth, aHeight, paneWidth, height) : { scale: 1, tx: 0, ty: 0 }), [aWidth, aHeight, paneWidth, height]);
  const layout = `${aWidth}x${aHeight}:${paneWidth}x${height}`;
  const shown = view?.layout === layout ? view.transform : fitted;
  const setView = useCallback((transform: ViewTransform) => setViewFor({ layout, transform }), [layout]);
  useEffect(() => {
    if (a?.picture && (single || b?.picture)) markFirstRender();
  }, [a?.picture, b?.picture, single]);
  // Parents' layout effects run after their children's: by now every pane has drawn this transform.
  useLayoutEffect(() => markFrameDrawn(), [shown]);

  // The toolbar's callbacks read the current transform through a ref, so they stay the same object across frames.
  const current = useRef(shown);
  useLayoutEffect(() => {
    current.current = shown;
  });
  const zoomKey = useCallback((factor: number) => {
    markInput();
    setView(zoomAbout(current.current, factor, paneWidth / 2, height / 2));
  }, [setView, paneWidth, height]);
  const zoomIn = useCallback(() => zoomKey(zoomStep), [zoomKey]);
  const zoomOut = useCallback(() => zoomKey(1 / zoomStep), [zoomKey]);
  const resetView = useCallback(() => {
    markInput();
    setView(fitted);
  }, [setView, fitted]);
  const chooseTool = useCallback((next: MeasureTool | null) => {
    setTool(next);
    setPoints({ pane: 'a', list: [] });
  }, []);

  const cartridge = result.value?.kind === 'cartridge-case' ? result.value : null;
  const bullet = result.value?.kind === 'bullet' ? result.value : null;
  const cmc = cartridge ? cartridge[direction] : null;
  const hasCmc = cartridge !== null;
  // Side by side draws each surface in its own pane as scanned: there, aligning B would change nothing, so it is not offered.
  const cmcControls = useMemo(() => (hasCmc ? { direction, onDirection: setDirection, aligned, onAligned: sideBySide ? null : setAligned } : null), [hasCmc, direction, aligned, sideBySide]);
  const cells = useMemo<readonly DrawnCell[]>(() => cmc?.cells ?? [], [cmc]);
  const alignB = cmc && aligned ? cmc.alignment : undefined;
  const hovered = hover?.cell ?? null;
  const measureList = points.list;
  const measurePane = points.pane;
  const scale = shown.scale;
  const overlayA = useCallback<ModeProps['overlayA']>((ctx, v) => {
    drawCells(ctx, cells, 'a', v.scale, hovered);
    if (measurePane === 'a') drawMeasure(ctx, measureList, v.scale);
  }, [cells, hovered, measurePane, measureList]);
  const overlayB = useCallback<ModeProps['overlayB']>((ctx, v) => {
    drawCells(ctx, cells, 'b', v.scale, hovered);
    if (measurePane === 'b') drawMeasure(ctx, measureList, v.scale);
  }, [cells, hovered, measurePane, measureList]);

  const onHover = useCallback((pane: 'a' | 'b', p: Point | null) => {
    if (!p || cells.length === 0) return setHover(null);
    const cell = cells.find((c) => insidePolygon(p, cellOutline(c, pane)));
    setHover((previous) => (cell ? (previous?.cell === cell && previous.pane === pane ? previous : { pane, cell }) : null));
  }, [cells]);
  const onPick = (pane: 'a' | 'b', p: Point) => {
    if (!tool) return;
    setPoints((previous) => {
      const start = previous.pane !== pane || previous.list.length >= pointsNeeded[tool] ? [] : previous.list;
      return { pane, list: [...start, p] };
    });
  };

  useHotkeys({
    'mode.side-by-side': () => setMode('side-by-side'),
    'mode.overlay': () => setMode('overlay'),
    'mode.swipe': () => setMode('swipe'),
    'mode.difference': () => setMode('difference'),
    'zoom.in': zoomIn,
    'zoom.out': zoomOut,
    'zoom.reset': resetView,
  });

  const measuredPixelUm = (measurePane === 'a' ? a : b)?.pixelUm ?? null;
  const measurable = a !== null && a.pixelUm !== null && (single || (b !== null && b.pixelUm !== null));
  const paneEvidence = (pane: 'a' | 'b'): readonly string[] => {
    if (source.kind === 'evidence') return [(pane === 'a' ? source.items[0] : (source.items[1] ?? source.items[0])).id];
    const refs = cartridge ? (pane === 'a') === (direction === 'aToB') ? [cartridge.a] : [cartridge.b] : bullet ? [pane === 'a' ? bullet.a[pair[0]] : bullet.b[pair[1]]] : [];
    const ids = refs.map((r) => r?.evidenceId).filter((x): x is string => typeof x === 'string');
    return ids.length > 0 ? ids : source.evidenceIds;
  };
  const bar = a?.pixelUm ? scaleBar(a.pixelUm, scale) : null;
  const Mode = single ? SingleView : modeViews[mode];
  const names = {
    a: source.kind === 'evidence' ? source.items[0].name : cartridge ? cartridge[direction === 'aToB' ? 'a' : 'b'].name : bullet ? (bullet.a[pair[0]]?.name ?? 'A') : 'A',
    b: source.kind === 'evidence' ? (source.items[1]?.name ?? '') : cartridge ? cartridge[direction === 'aToB' ? 'b' : 'a'].name : bullet ? (bullet.b[pair[1]]?.name ?? 'B') : 'B',
  };
  // One canvas showing both (overlay, swipe, difference) names both and how they are combined.
  const labelA = single || sideBySide ? names.a : t(`viewer.combined.${mode}`, { a: names.a, b: names.b });

  return (
    <Stack spacing={1.5} data-testid="comparison-viewer" data-mode={single ? 'single' : mode}>
      <ViewerToolbar
        mode={mode}
        onMode={setMode}
        style={style}
        onStyle={setStyle}
        tool={tool}
        onTool={chooseTool}
        onZoomIn={zoomIn}
        onZoomOut={zoomOut}
        onZoomReset={resetView}
        comparing={!single}
        measurable={measurable}
        cmc={cmcControls}
      />
      {result.error !== null && <ErrorAlert error={result.error} testId="viewer-result-error" />}
      {surfaces.error !== null && <ErrorAlert error={surfaces.error} testId="viewer-surface-error" />}
      {(surfaces.loading || result.loading) && <LinearProgress aria-label={t('common.loading')} />}
      <Mode
        a={a}
        b={b}
        alignB={alignB}
        view={shown}
        onView={setView}
        width={width}
        height={height}
        overlayA={cells.length || measurePane === 'a' ? overlayA : emptyPaint}
        overlayB={overlayB}
        onPick={tool ? onPick : undefined}
        onHover={cells.length ? onHover : undefined}
        labelA={labelA}
        labelB={names.b}
      />
      <Stack direction="row" spacing={3} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', minHeight: 32 }}>
        {bar && (
          <Box data-testid="viewer-scale-bar" data-um={bar.um} sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
            <Box sx={{ width: bar.px, height: 4, bgcolor: 'text.primary' }} />
            <Typography variant="caption">{t('viewer.scaleBar', { value: bar.um })}</Typography>
          </Box>
        )}
        {a && a.zMinUm !== null && a.zMaxUm !== null && (
          <Typography variant="caption" color="text.secondary" data-testid="viewer-height-range">
            {t('viewer.heightRange', { min: format.fixed(a.zMinUm, 2), max: format.fixed(a.zMaxUm, 2) })}
          </Typography>
        )}
        {a && a.pixelUm === null && (
          <Typography variant="caption" color="text.secondary" data-testid="viewer-no-scale">
            {t('viewer.noScale')}
          </Typography>
        )}
        {cmc && (
          <Typography variant="body2" data-testid="viewer-cmc-count">
            {t('viewer.cmcCount', { count: cmc.cmcCount, compared: cmc.cellsCompared, theta: cmc.consensus.theta, dx: cmc.consensus.dx, dy: cmc.consensus.dy })}
          </Typography>
        )}
        {hover && (
          <Typography variant="body2" data-testid="viewer-cell-info">
            {t('viewer.cellInfo', { row: hover.cell.row + 1, col: hover.cell.col + 1, ccf: format.fixed(hover.cell.ccf, 3), theta: hover.cell.theta, dx: hover.cell.dx, dy: hover.cell.dy })}
            {' · '}
            {hover.cell.congruent ? t('viewer.congruent') : t('viewer.notCongruent')}
          </Typography>
        )}
      </Stack>
      {tool && measuredPixelUm !== null && (
        <MeasurePanel
          caseId={caseId}
          tool={tool}
          points={measureList}
          pixelUm={measuredPixelUm}
          evidenceIds={paneEvidence(measurePane)}
          onSaved={() => {
            setPoints({ pane: 'a', list: [] });
            onFindingAdded();
          }}
          onClear={() => setPoints({ pane: 'a', list: [] })}
        />
      )}
      {result.value && moduleViewerPanels({ result: result.value, selection: pair, onSelect: setPair, labels: names })}
      {result.value && (
        <Typography variant="body2" data-testid="viewer-conclusion">
          {t('viewer.resultConclusion', { conclusion: t(`conclusions.${result.value.conclusion}`, { defaultValue: result.value.conclusion }) })}
        </Typography>
      )}
    </Stack>
  );
}
