import Box from '@mui/material/Box';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { drawSurface } from '../paint-layers.ts';
import { ViewCanvas } from '../view-canvas.tsx';
import type { ModeProps } from './mode-props.ts';

/** Swipe: A on the left of a draggable divider, B (registered onto A) on the right; arrows move the divider too. */
export function SwipeView({ a, b, alignB, view, onView, width, height, overlayA, onPick, onHover, labelA }: ModeProps) {
  const { t } = useTranslation();
  const [split, setSplit] = useState(0.5);
  const dragging = useRef(false);
  const paint = useCallback<ModeProps['overlayA']>((ctx, v) => {
    drawSurface(ctx, a);
    ctx.save();
    // The clip is in screen pixels: undo the view transform for the rectangle, then draw B through it.
    const x = (split * width - v.tx) / v.scale;
    ctx.beginPath();
    ctx.rect(x, -v.ty / v.scale, (width - split * width) / v.scale, height / v.scale);
    ctx.clip();
    drawSurface(ctx, b, alignB);
    ctx.restore();
    overlayA(ctx, v);
  }, [a, b, alignB, split, width, height, overlayA]);
  const move = (clientX: number, box: DOMRect) => setSplit(Math.min(1, Math.max(0, (clientX - box.left) / box.width)));
  return (
    <Box data-testid="viewer-mode-swipe" sx={{ position: 'relative', width }}>
      <ViewCanvas view={view} onView={onView} width={width} height={height} paint={paint} testId="viewer-pane-a" label={labelA}
        onPick={onPick && ((p) => onPick('a', p))} onHover={onHover && ((p) => onHover('a', p))}>
        <Box
          role="slider"
          tabIndex={0}
          aria-label={t('viewer.swipeDivider')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(split * 100)}
          data-testid="viewer-swipe-divider"
          onPointerDown={(event) => {
            event.stopPropagation();
            event.currentTarget.setPointerCapture?.(event.pointerId);
            dragging.current = true;
          }}
          onPointerMove={(event) => {
            const parent = event.currentTarget.parentElement;
            if (dragging.current && parent) move(event.clientX, parent.getBoundingClientRect());
          }}
          onPointerUp={() => {
            dragging.current = false;
          }}
          onKeyDown={(event) => {
            const step = event.key === 'ArrowLeft' ? -0.02 : event.key === 'ArrowRight' ? 0.02 : 0;
            if (step === 0) return;
            event.preventDefault();
            event.stopPropagation();
            setSplit((s) => Math.min(1, Math.max(0, s + step)));
          }}
          sx={{ position: 'absolute', top: 0, bottom: 0, left: `calc(${split * 100}% - 6px)`, width: 12, cursor: 'ew-resize', display: 'flex', justifyContent: 'center' }}
        >
          <Box sx={{ width: 2, bgcolor: 'warning.main' }} />
        </Box>
      </ViewCanvas>
    </Box>
  );
}
