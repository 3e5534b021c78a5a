import Box from '@mui/material/Box';
import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import type { Point } from './plane-geometry.ts';
import { markInput } from './viewer-perf.ts';
import { panBy, toImage, wheelFactor, zoomAbout, type ViewTransform } from './view-transform.ts';

/** Draws one frame: the context already maps image pixels to the screen through the shared view transform. */
export type Paint = (ctx: CanvasRenderingContext2D, view: ViewTransform) => void;

/** Props of ViewCanvas. */
export interface ViewCanvasProps {
  readonly view: ViewTransform;
  readonly onView: (view: ViewTransform) => void;
  readonly width: number;
  readonly height: number;
  readonly paint: Paint;
  readonly testId: string;
  readonly label: string;
  /** A click without dragging, in image pixels (the measurement tools). */
  readonly onPick?: (point: Point) => void;
  /** The image point under the pointer, or null when it leaves (cell hover). */
  readonly onHover?: (point: Point | null) => void;
  readonly children?: ReactNode;
}

const dragThreshold = 3;

/**
 * One canvas of the viewer. Drag pans, the wheel zooms about the cursor; both only hand a new transform up, and
 * every pane repaints from the one shared transform, which is what keeps them in sync. A frame is a matrix and a few
 * drawImage calls: the pictures were decoded once beforehand.
 */
export function ViewCanvas({ view, onView, width, height, paint, testId, label, onPick, onHover, children }: ViewCanvasProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drag = useRef<{ x: number; y: number; moved: boolean; view: ViewTransform } | null>(null);
  const latest = useRef({ view, onView });
  useEffect(() => {
    latest.current = { view, onView };
  });

  useLayoutEffect(() => {
    const element = canvas.current;
    const ctx = element?.getContext('2d') ?? null;
    if (!element || !ctx) return;
    const ratio = window.devicePixelRatio || 1;
    if (element.width !== Math.round(width * ratio)) element.width = Math.round(width * ratio);
    if (element.height !== Math.round(height * ratio)) element.height = Math.round(height * ratio);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, element.width, element.height);
    ctx.setTransform(ratio * view.scale, 0, 0, ratio * view.scale, ratio * view.tx, ratio * view.ty);
    ctx.imageSmoothingEnabled = view.scale < 2;
    paint(ctx, view);
  }, [view, paint, width, height]);

  // Wheel listeners must be non-passive to keep the page from scrolling while zooming.
  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      markInput();
      const box = element.getBoundingClientRect();
      const { view: current, onView: emit } = latest.current;
      emit(zoomAbout(current, wheelFactor(event.deltaY), event.clientX - box.left, event.clientY - box.top));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, []);

  const local = (event: React.PointerEvent) => {
    const box = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  };

  return (
    <Box sx={{ position: 'relative', width, height, overflow: 'hidden', bgcolor: 'grey.900', touchAction: 'none', cursor: onPick ? 'crosshair' : 'grab' }}>
      <canvas
        ref={canvas}
        style={{ width, height, display: 'block' }}
        role="img"
        aria-label={label}
        data-testid={testId}
        data-scale={view.scale}
        data-tx={view.tx}
        data-ty={view.ty}
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture?.(event.pointerId);
          drag.current = { x: event.clientX, y: event.clientY, moved: false, view };
        }}
        onPointerMove={(event) => {
          const start = drag.current;
          if (start) {
            const dx = event.clientX - start.x;
            const dy = event.clientY - start.y;
            if (!start.moved && Math.hypot(dx, dy) < dragThreshold) return;
            start.moved = true;
            markInput();
            onView(panBy(start.view, dx, dy));
            return;
          }
          if (onHover) {
            const p = local(event);
            onHover(toImage(view, p.x, p.y));
          }
        }}
        onPointerUp={(event) => {
          const start = drag.current;
          drag.current = null;
          if (start && !start.moved && onPick) {
            const p = local(event);
            onPick(toImage(view, p.x, p.y));
          }
        }}
        onPointerLeave={() => onHover?.(null)}
      />
      {/* The pane's name stays on screen: which item is which must never be guessed. Clicks pass through it. */}
      <Box
        aria-hidden
        data-testid={`${testId}-label`}
        sx={{ position: 'absolute', top: 6, left: 6, maxWidth: 'calc(100% - 12px)', px: 1, py: 0.25, borderRadius: 1, bgcolor: 'rgba(0, 0, 0, 0.6)', color: '#fff', fontSize: 13, lineHeight: 1.4, pointerEvents: 'none', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
      >
        {label}
      </Box>
      {children}
    </Box>
  );
}
