import type { Point } from '../plane-geometry.ts';
import type { PaneSurface } from '../decoded-surface.ts';
import type { Matrix } from '../paint-layers.ts';
import type { Paint } from '../view-canvas.tsx';
import type { ViewTransform } from '../view-transform.ts';

/** What every comparison-mode component gets from the viewer. */
export interface ModeProps {
  readonly a: PaneSurface | null;
  readonly b: PaneSurface | null;
  /** Draws B in A's frame (the consensus registration), or undefined to draw it as scanned. */
  readonly alignB: Matrix | undefined;
  readonly view: ViewTransform;
  readonly onView: (view: ViewTransform) => void;
  /** Size of one pane on screen. */
  readonly width: number;
  readonly height: number;
  /** Overlays drawn over A's pixels and over B's pixels (cells, measurements). */
  readonly overlayA: Paint;
  readonly overlayB: Paint;
  readonly onPick?: (pane: 'a' | 'b', point: Point) => void;
  readonly onHover?: (pane: 'a' | 'b', point: Point | null) => void;
  readonly labelA: string;
  readonly labelB: string;
}
