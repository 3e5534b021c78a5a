/**
 * Performance-API marks of the comparison viewer, read by the e2e benchmark (issue 6: ≤ 1 s to first render, pan/zoom
 * frame p95 ≤ 16 ms): `dalel-viewer-open` when the viewer mounts, a `dalel-viewer-first-render` measure when both
 * surfaces are first drawn, and a `dalel-viewer-frame` measure from each pan/zoom input to its drawn frame.
 */
export interface ViewerPerf {
  /** Milliseconds from opening the viewer to its first drawn frame with both surfaces, or null before that. */
  firstRenderMs: number | null;
  /** Milliseconds from each pan/zoom input to its drawn frame, oldest first (the last 5 000 kept). */
  readonly frameMs: number[];
  /** The 95th percentile of `frameMs`, or null when there is none yet. */
  p95(): number | null;
  /** Forgets everything measured, e.g. between benchmark runs. */
  reset(): void;
}

declare global {
  interface Window {
    /** The viewer's timings, for the e2e benchmark. */
    __dalelViewerPerf?: ViewerPerf;
  }
}

const openMark = 'dalel-viewer-open';
/** Set when the user asked to open a viewer, so the viewer's own mount does not restart the clock. */
let openRequested = false;
const inputMark = 'dalel-viewer-input';
const maxFrames = 5000;

function perf(): ViewerPerf {
  if (!window.__dalelViewerPerf) {
    const record: ViewerPerf = {
      firstRenderMs: null,
      frameMs: [],
      p95() {
        if (record.frameMs.length === 0) return null;
        const sorted = [...record.frameMs].sort((a, b) => a - b);
        return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]!;
      },
      reset() {
        record.firstRenderMs = null;
        record.frameMs.length = 0;
      },
    };
    window.__dalelViewerPerf = record;
  }
  return window.__dalelViewerPerf;
}

/** Marks the user's request to open a viewer (the click): the time to first render counts from here. */
export function markViewerOpen(): void {
  openRequested = true;
  perf().firstRenderMs = null;
  performance.clearMarks(openMark);
  performance.mark(openMark);
}

/** Marks a viewer's mount, unless its opening was already marked at the user's request. */
export function markViewerMounted(): void {
  if (openRequested) return;
  perf().firstRenderMs = null;
  performance.clearMarks(openMark);
  performance.mark(openMark);
}

/** Marks the first frame drawn with both surfaces decoded, once per opening. */
export function markFirstRender(): void {
  const record = perf();
  if (record.firstRenderMs !== null || performance.getEntriesByName(openMark, 'mark').length === 0) return;
  record.firstRenderMs = performance.measure('dalel-viewer-first-render', openMark).duration;
  openRequested = false;
}

/** Marks a pan or zoom input; the next drawn frame measures from here. */
export function markInput(): void {
  performance.mark(inputMark);
}

/** Measures the frame drawn after the latest pan/zoom input, if one is pending; called once every pane has drawn. */
export function markFrameDrawn(): void {
  if (performance.getEntriesByName(inputMark, 'mark').length === 0) return;
  const record = perf();
  record.frameMs.push(performance.measure('dalel-viewer-frame', inputMark).duration);
  if (record.frameMs.length > maxFrames) record.frameMs.shift();
  performance.clearMarks(inputMark);
  performance.clearMeasures('dalel-viewer-frame');
}
