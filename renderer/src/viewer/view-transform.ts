/**
 * The one view transform both panes share: image pixel (x, y) is drawn at screen (x·scale + tx, y·scale + ty). Pan
 * and zoom only replace this object; nothing is decoded or resampled again, so a frame is a matrix and a drawImage.
 */
export interface ViewTransform {
  readonly scale: number;
  readonly tx: number;
  readonly ty: number;
}

/** Zoom limits relative to "fit": far enough out to see both scans whole, far enough in to see single pixels. */
export const minScale = 0.02;
/** Largest zoom: one image pixel over 64 screen pixels. */
export const maxScale = 64;
/** Zoom factor of one keyboard step or wheel notch. */
export const zoomStep = 1.25;

const clampScale = (scale: number) => Math.min(maxScale, Math.max(minScale, scale));

/** The transform that shows an image whole and centred in a viewport. */
export function fitTransform(imageWidth: number, imageHeight: number, viewWidth: number, viewHeight: number): ViewTransform {
  if (imageWidth <= 0 || imageHeight <= 0 || viewWidth <= 0 || viewHeight <= 0) return { scale: 1, tx: 0, ty: 0 };
  const scale = clampScale(Math.min(viewWidth / imageWidth, viewHeight / imageHeight));
  return { scale, tx: (viewWidth - imageWidth * scale) / 2, ty: (viewHeight - imageHeight * scale) / 2 };
}

/** Zooms by `factor` keeping the image point under screen point (cx, cy) where it is (zoom about the cursor). */
export function zoomAbout(view: ViewTransform, factor: number, cx: number, cy: number): ViewTransform {
  const scale = clampScale(view.scale * factor);
  const k = scale / view.scale;
  return { scale, tx: cx - (cx - view.tx) * k, ty: cy - (cy - view.ty) * k };
}

/** Moves the image by (dx, dy) screen pixels. */
export function panBy(view: ViewTransform, dx: number, dy: number): ViewTransform {
  return { scale: view.scale, tx: view.tx + dx, ty: view.ty + dy };
}

/** The image point under a screen point. */
export function toImage(view: ViewTransform, sx: number, sy: number): { readonly x: number; readonly y: number } {
  return { x: (sx - view.tx) / view.scale, y: (sy - view.ty) / view.scale };
}

/** Wheel delta (pixels) to a zoom factor: one notch (≈100 px) is one zoom step, smooth for trackpads. */
export function wheelFactor(deltaY: number): number {
  return Math.pow(zoomStep, -deltaY / 100);
}
