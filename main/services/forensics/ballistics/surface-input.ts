/** Turning an evidence file into a height grid for the comparisons: X3P surfaces, or 2D images with a given pixel size. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EvidenceKind } from '../../../contract/index.ts';
import { gridFromX3p, validFraction, type HeightGrid } from '../../../../native/surface/height-grid.ts';
import type { BulletLandInput } from '../../../../native/bullet/bullet-compare.ts';
import { newX3pHeader, writeX3p } from '../../../../native/x3p/x3p-write.ts';
import { badInput } from '../../errors.ts';
import { gridFromImage, prepareCartridgeCase, readX3p } from '../../native-input.ts';

/** A file handed to an analysis: its bytes, kind, hash and where it came from. */
export interface SurfaceSource {
  readonly name: string;
  readonly sha256: string;
  /** The evidence item it is, or null for files compared directly (CLI) and library references. */
  readonly evidenceId: string | null;
  readonly kind: EvidenceKind;
  readonly bytes: Uint8Array;
  /** Lateral pixel size of a 2D image in µm (images carry no scale of their own). */
  readonly pixelUm?: number;
}

/** Kinds a ballistics analysis accepts. */
export const surfaceKinds: readonly EvidenceKind[] = ['x3p', 'png', 'jpeg', 'tiff'];

/** Refuses, naming the file, a source that cannot be a surface (wrong kind, image without pixel size). */
export function checkSurfaceSource(source: Pick<SurfaceSource, 'name' | 'kind' | 'pixelUm'>): void {
  if (!surfaceKinds.includes(source.kind)) {
    throw badInput(source.name, 'unsupported-type', `a ${source.kind.toUpperCase()} file is not a surface scan; ballistics analyses need X3P (or a PNG/TIFF/JPEG image with its pixel size)`);
  }
  if (source.kind !== 'x3p' && source.pixelUm === undefined) {
    throw badInput(source.name, 'pixel-size-missing', 'a 2D image carries no lateral scale: give its pixel size in µm');
  }
}

/** Reads a source as it is: an X3P's heights in metres, or an image's intensities at its given pixel size. */
export function readSurfaceGrid(source: SurfaceSource): HeightGrid {
  checkSurfaceSource(source);
  const grid = source.kind === 'x3p' ? gridFromX3p(readX3p(source.name, source.bytes)) : gridFromImage(source.name, source.bytes, { pixelSizeUm: source.pixelUm! }).grid;
  if (validFraction(grid.z) === 0) throw badInput(source.name, 'empty', 'the surface has no valid point');
  return grid;
}

/** A breech-face scan made ready for CMC: raw scans go through the whole preprocessing chain, processed ones as they are. */
export interface PreparedSurface {
  readonly grid: HeightGrid;
  readonly preprocess: { readonly kind: 'raw' | 'processed'; readonly reason: string; readonly steps: readonly string[]; readonly ms: number };
}

/** Prepares a cartridge-case scan for CMC (levelling, outliers, band-pass, breech face, resampling when raw). */
export function prepareForCmc(source: SurfaceSource): PreparedSurface {
  const started = performance.now();
  const prepared = prepareCartridgeCase(readSurfaceGrid(source));
  if (validFraction(prepared.grid.z) === 0) throw badInput(source.name, 'empty', 'no valid point is left after preprocessing');
  return {
    grid: prepared.grid,
    preprocess: { kind: prepared.classification.kind, reason: prepared.classification.reason, steps: prepared.steps.map((s) => s.step), ms: performance.now() - started },
  };
}

/** A bullet land scan for the signature comparison (X3P only: land signatures need heights). */
export function bulletLand(source: SurfaceSource): BulletLandInput {
  checkSurfaceSource(source);
  if (source.kind !== 'x3p') throw badInput(source.name, 'unsupported-type', 'bullet land comparisons need X3P height scans, not 2D images');
  return { name: source.name, sha256: source.sha256, evidenceId: source.evidenceId, surface: readX3p(source.name, source.bytes) };
}

/** A grid as X3P bytes (float32 heights in metres), for the content store: what the viewer draws later. */
export function x3pBytesOf(grid: HeightGrid): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'dalel-x3p-'));
  try {
    const path = join(dir, 'surface.x3p');
    const header = newX3pHeader(grid.width, grid.height, grid.step);
    writeX3p(path, { header: { ...header, z: { ...header.z, dataType: 'F' } }, width: grid.width, height: grid.height, z: Float64Array.from(grid.z), maskPng: null, annotations: {}, warnings: [] });
    return new Uint8Array(readFileSync(path));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
