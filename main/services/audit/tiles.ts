/**
 * C2SP tlog-tiles: the Merkle tree as 256-wide hash tiles and the entries as bundles of 256, the layout of tiled
 * audit exports. Dependency-free (the sibling merkle.ts only): the offline verifier shipped in bundles uses this file.
 *
 * Tile n at level l holds MTH(D[(256n + i)·256^l : (256n + i + 1)·256^l]) for i = 0…255, i.e. the nodes of tree height
 * 8l; the eight heights between are recomputed from them. The rightmost tile of a level may be partial (`.p/W`).
 */
import { hashChildren, type Hash, type NodeSource } from './merkle.ts';

/** Hashes in a full tile. */
export const tileWidth = 256;
/** Tree heights a tile spans. */
export const tileHeight = 8;
/** Bytes of one hash. */
const hashBytes = 32;
/** Longest entry an entry bundle can carry (its length is a big-endian uint16). */
export const maxBundledEntry = 0xffff;

/** A tile's coordinates: level, index within the level, width in hashes (256 for a full tile). */
export interface TileCoordinate {
  readonly level: number;
  readonly index: number;
  readonly width: number;
}

/** The tile index as path elements: 1234067 → `x001/x234/067`. */
export function tileIndexPath(index: number): string {
  let path = String(index % 1000).padStart(3, '0');
  for (let rest = Math.floor(index / 1000); rest > 0; rest = Math.floor(rest / 1000)) path = `x${String(rest % 1000).padStart(3, '0')}/${path}`;
  return path;
}

/** `tile/<L>/<N>[.p/<W>]`. */
export function hashTilePath(tile: TileCoordinate): string {
  return `tile/${tile.level}/${tileIndexPath(tile.index)}${tile.width < tileWidth ? `.p/${tile.width}` : ''}`;
}

/** `tile/entries/<N>[.p/<W>]`. */
export function entryBundlePath(index: number, width: number): string {
  return `tile/entries/${tileIndexPath(index)}${width < tileWidth ? `.p/${width}` : ''}`;
}

/** A parsed tile path: a hash tile (level ≥ 0) or an entry bundle (level 'entries'); null when not canonical. */
export function parseTilePath(name: string): (TileCoordinate & { readonly kind: 'hash' | 'entries' }) | null {
  const match = /^tile\/(entries|0|[1-9][0-9]?)\/((?:x[0-9]{3}\/)*[0-9]{3})(?:\.p\/([1-9][0-9]{0,2}))?$/.exec(name);
  if (!match) return null;
  const index = Number(match[2]!.split('/').map((p) => p.replace('x', '')).join(''));
  const width = match[3] === undefined ? tileWidth : Number(match[3]);
  const kind = match[1] === 'entries' ? 'entries' : 'hash';
  const level = kind === 'entries' ? 0 : Number(match[1]);
  if ((match[3] !== undefined && width >= tileWidth) || level > 63 || tileIndexPath(index) !== match[2]) return null;
  const tile = { kind, level, index, width } as const;
  return (kind === 'entries' ? entryBundlePath(index, width) : hashTilePath(tile)) === name ? tile : null;
}

/** Nodes at tree height 8·level in a tree of `size` leaves. */
export function levelCount(size: number, level: number): number {
  return Math.floor(size / 2 ** (tileHeight * level));
}

/** The width tile `index` at `level` has in a tree of `size` leaves (0: no such tile). */
export function widthOf(size: number, level: number, index: number): number {
  return Math.max(0, Math.min(tileWidth, levelCount(size, level) - tileWidth * index));
}

/** The tile levels of a tree of `size` leaves: those with at least one hash. */
export function tileLevels(size: number): number {
  let levels = 0;
  while (levelCount(size, levels) >= 1) levels += 1;
  return levels;
}

/** Every tile of a tree of `size` leaves, level by level, in index order. */
export function* allTiles(size: number): Generator<TileCoordinate> {
  for (let level = 0; level < tileLevels(size); level += 1) {
    const count = levelCount(size, level);
    for (let index = 0; index * tileWidth < count; index += 1) yield { level, index, width: widthOf(size, level, index) };
  }
}

/** The tiles an inclusion proof of leaf `seq` needs: at each level, the one above the leaf. */
export function tilesOfLeaf(size: number, seq: number): TileCoordinate[] {
  const tiles: TileCoordinate[] = [];
  for (let level = 0; level < tileLevels(size); level += 1) {
    const index = Math.floor(seq / 2 ** (tileHeight * (level + 1)));
    const width = widthOf(size, level, index);
    if (width > 0) tiles.push({ level, index, width });
  }
  return tiles;
}

/** The root of `count` (a power of two) consecutive hashes of a tile, starting at position `first`. */
export function subtreeRoot(tile: Uint8Array, first: number, count: number): Hash {
  if ((first + count) * hashBytes > tile.length) throw new RangeError(`the tile has no hashes ${first}…${first + count - 1}`);
  let row: Hash[] = [];
  for (let i = 0; i < count; i += 1) row.push(tile.subarray((first + i) * hashBytes, (first + i + 1) * hashBytes));
  while (row.length > 1) {
    const next: Hash[] = [];
    for (let i = 0; i < row.length; i += 2) next.push(hashChildren(row[i]!, row[i + 1]!));
    row = next;
  }
  return row[0]!;
}

/** The MTH of a full tile's 256 hashes: the hash its parent tile holds. */
export function fullTileRoot(tile: Uint8Array): Hash {
  return subtreeRoot(tile, 0, tileWidth);
}

/** Hash `position` of a tile. */
export function tileHash(tile: Uint8Array, position: number): Hash {
  return tile.subarray(position * hashBytes, (position + 1) * hashBytes);
}

/**
 * Complete subtrees read from tiles: node(height, index) is recomputed from the hashes of the tile at level
 * ⌊height / 8⌋ below it. `load` returns a tile's bytes (any width that covers the node), or null when it is missing.
 */
export class TileNodes implements NodeSource {
  constructor(private readonly load: (level: number, index: number) => Uint8Array | null) {}

  node(height: number, index: number): Hash {
    const level = Math.floor(height / tileHeight);
    const span = 2 ** (height % tileHeight);
    const first = index * span;
    const tileIndex = Math.floor(first / tileWidth);
    const tile = this.load(level, tileIndex);
    if (!tile) throw new TileMissingError(level, tileIndex);
    const offset = first - tileIndex * tileWidth;
    if ((offset + span) * hashBytes > tile.length) throw new TileMissingError(level, tileIndex);
    return span === 1 ? tileHash(tile, offset) : subtreeRoot(tile, offset, span);
  }
}

/** A node was asked of a tile that is missing or too narrow. */
export class TileMissingError extends Error {
  constructor(
    readonly level: number,
    readonly index: number,
  ) {
    super(`tile ${index} of level ${level} is missing or too narrow`);
    this.name = 'TileMissingError';
  }
}

/** An entry bundle: each entry as a big-endian uint16 length, then its bytes. */
export function encodeEntryBundle(entries: readonly Uint8Array[]): Uint8Array {
  let total = 0;
  for (const e of entries) {
    if (e.length > maxBundledEntry) throw new RangeError(`an entry of ${e.length} bytes does not fit an entry bundle`);
    total += 2 + e.length;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const e of entries) {
    out[at] = e.length >> 8;
    out[at + 1] = e.length & 0xff;
    out.set(e, at + 2);
    at += 2 + e.length;
  }
  return out;
}

/** The entries of a bundle; throws when a length runs past the end. */
export function decodeEntryBundle(bundle: Uint8Array): Uint8Array[] {
  const entries: Uint8Array[] = [];
  for (let at = 0; at < bundle.length; ) {
    if (at + 2 > bundle.length) throw new Error('the entry bundle ends inside a length prefix');
    const length = (bundle[at]! << 8) | bundle[at + 1]!;
    if (at + 2 + length > bundle.length) throw new Error('the entry bundle ends inside an entry');
    entries.push(bundle.subarray(at + 2, at + 2 + length));
    at += 2 + length;
  }
  return entries;
}
