import { useCallback } from 'react';
import { drawSurface } from '../paint-layers.ts';
import { ViewCanvas } from '../view-canvas.tsx';
import type { ModeProps } from './mode-props.ts';

/**
 * Difference: |A − B| per pixel of the rendered pictures (canvas 'difference' compositing, done by the GPU), B
 * registered onto A: matching marks go dark, disagreements stay bright.
 */
export function DifferenceView({ a, b, alignB, view, onView, width, height, overlayA, onPick, onHover, labelA }: ModeProps) {
  const paint = useCallback<ModeProps['overlayA']>((ctx, v) => {
    drawSurface(ctx, a);
    ctx.save();
    ctx.globalCompositeOperation = 'difference';
    drawSurface(ctx, b, alignB);
    ctx.restore();
    overlayA(ctx, v);
  }, [a, b, alignB, overlayA]);
  return (
    <div data-testid="viewer-mode-difference">
      <ViewCanvas view={view} onView={onView} width={width} height={height} paint={paint} testId="viewer-pane-a" label={labelA}
        onPick={onPick && ((p) => onPick('a', p))} onHover={onHover && ((p) => onHover('a', p))} />
    </div>
  );
}
