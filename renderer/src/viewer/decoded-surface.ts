import { useEffect, useState } from 'react';

/** A rendered height map as the viewer holds it: its size and scale, and the decoded picture once it is ready. */
export interface PaneSurface {
  readonly width: number;
  readonly height: number;
  /** Null for an image whose pixel size is not known: no scale bar, no measurement in µm. */
  readonly pixelUm: number | null;
  /** Null for a 2D image: its grey levels are not heights. */
  readonly zMinUm: number | null;
  readonly zMaxUm: number | null;
  /** Decoded once per surface and style; frames only draw it. Null until decoding finishes. */
  readonly picture: CanvasImageSource | null;
}

/** The fields of the contract's SurfaceImage the viewer uses. */
export interface SurfaceImageLike {
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly pixelUm: number | null;
  readonly zMinUm: number | null;
  readonly zMaxUm: number | null;
}

/** Decodes PNG bytes off the main thread where the browser can (createImageBitmap), else through an <img>. */
async function decodePng(png: Uint8Array): Promise<CanvasImageSource> {
  const blob = new Blob([png.slice()], { type: 'image/png' });
  if (typeof createImageBitmap === 'function') return createImageBitmap(blob);
  const url = URL.createObjectURL(blob);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return image;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * A surface's size and scale at once (so pan, zoom and the scale bar work before the picture arrives) and its
 * decoded picture when ready. A failed decode is logged and leaves the pane blank, never a stale picture.
 */
export function usePaneSurface(image: SurfaceImageLike | undefined): PaneSurface | null {
  const [decoded, setDecoded] = useState<{ source: SurfaceImageLike; picture: CanvasImageSource } | null>(null);
  useEffect(() => {
    if (!image) return;
    let live = true;
    decodePng(image.png).then(
      (picture) => {
        if (live) setDecoded({ source: image, picture });
      },
      (error: unknown) => console.error('[dalel] surface image could not be decoded:', error),
    );
    return () => {
      live = false;
    };
  }, [image]);
  if (!image) return null;
  const picture = decoded?.source === image ? decoded.picture : null;
  return { width: image.width, height: image.height, pixelUm: image.pixelUm, zMinUm: image.zMinUm, zMaxUm: image.zMaxUm, picture };
}
