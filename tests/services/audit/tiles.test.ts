import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consistencyProof, hashLeaf, inclusionProof, MemoryTree, treeRoot, verifyInclusion } from '../../../main/services/audit/merkle.ts';
import {
  allTiles,
  decodeEntryBundle,
  encodeEntryBundle,
  entryBundlePath,
  hashTilePath,
  parseTilePath,
  tileIndexPath,
  TileMissingError,
  TileNodes,
  tilesOfLeaf,
  type TileCoordinate,
} from '../../../main/services/audit/tiles.ts';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

function treeOf(size: number): MemoryTree {
  const tree = new MemoryTree();
  for (let i = 0; i < size; i += 1) tree.appendLeafHash(hashLeaf(Buffer.from(`entry ${i}`)));
  return tree;
}

/** The bytes of a tile, read from a tree that keeps every node. */
function tileBytes(tree: MemoryTree, tile: TileCoordinate): Uint8Array {
  return Buffer.concat(Array.from({ length: tile.width }, (_, i) => tree.node(8 * tile.level, tile.index * 256 + i)));
}

describe('C2SP tlog-tiles paths', () => {
  it('writes the index in groups of three digits, all but the last prefixed with x', () => {
    expect(tileIndexPath(0)).toBe('000');
    expect(tileIndexPath(5)).toBe('005');
    expect(tileIndexPath(1000)).toBe('x001/000');
    expect(tileIndexPath(1234067)).toBe('x001/x234/067');
    expect(hashTilePath({ level: 0, index: 1234067, width: 256 })).toBe('tile/0/x001/x234/067');
    expect(hashTilePath({ level: 2, index: 3, width: 17 })).toBe('tile/2/003.p/17');
    expect(entryBundlePath(12, 112)).toBe('tile/entries/012.p/112');
  });

  it('parses exactly the canonical paths', () => {
    expect(parseTilePath('tile/0/x001/x234/067')).toEqual({ kind: 'hash', level: 0, index: 1234067, width: 256 });
    expect(parseTilePath('tile/entries/012.p/112')).toEqual({ kind: 'entries', level: 0, index: 12, width: 112 });
    for (const bad of ['tile/0/x000/005', 'tile/0/5', 'tile/00/005', 'tile/0/005.p/0', 'tile/0/005.p/256', 'tile/0/005.p/07', 'tile/64/000', 'tile/0/005/']) {
      expect(parseTilePath(bad), bad).toBeNull();
    }
  });

  it('lists the tiles of the specification’s examples (sizes 70 000 and 256)', () => {
    const names = (size: number) => [...allTiles(size)].map((t) => `${t.level}/${t.index}/${t.width}`);
    const tiles = names(70_000);
    expect(tiles.filter((t) => t.startsWith('0/') && t.endsWith('/256'))).toHaveLength(273);
    expect(tiles).toContain('0/273/112');
    expect(tiles.filter((t) => t.startsWith('1/'))).toEqual(['1/0/256', '1/1/17']);
    expect(tiles.filter((t) => t.startsWith('2/'))).toEqual(['2/0/1']);
    expect(names(256)).toEqual(['0/0/256', '1/0/1']);
    expect(names(0)).toEqual([]);
  });
});

describe('proofs from tiles', () => {
  it('gives the same roots and proofs as the whole tree, from only the tiles above the leaf', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 70_000 }), fc.nat(), (size, pick) => {
        const tree = treeOf(size);
        const seq = pick % size;
        const needed = new Map(tilesOfLeaf(size, seq).map((t) => [`${t.level}/${t.index}`, tileBytes(tree, t)]));
        const right = new Map(tilesOfLeaf(size, size - 1).map((t) => [`${t.level}/${t.index}`, tileBytes(tree, t)]));
        const nodes = new TileNodes((level, index) => needed.get(`${level}/${index}`) ?? right.get(`${level}/${index}`) ?? null);
        expect(hex(treeRoot(nodes, size))).toBe(hex(tree.root()));
        const proof = inclusionProof(nodes, seq, size);
        expect(proof.map(hex)).toEqual(inclusionProof(tree, seq, size).map(hex));
        expect(verifyInclusion(seq, size, tree.node(0, seq), proof, tree.root())).toBeNull();
      }),
      { numRuns: 25 },
    );
  });

  it('gives consistency proofs from all tiles, and names a missing tile', () => {
    const tree = treeOf(1000);
    const tiles = new Map([...allTiles(1000)].map((t) => [`${t.level}/${t.index}`, tileBytes(tree, t)]));
    const nodes = new TileNodes((level, index) => tiles.get(`${level}/${index}`) ?? null);
    expect(consistencyProof(nodes, 300, 1000).map(hex)).toEqual(consistencyProof(tree, 300, 1000).map(hex));
    tiles.delete('0/1');
    expect(() => inclusionProof(nodes, 300, 1000)).toThrow(TileMissingError);
  });
});

describe('entry bundles', () => {
  it('round-trips entries behind big-endian 16-bit lengths, and refuses what does not fit or is cut', () => {
    const entries = [Buffer.from('{"a":1}'), Buffer.alloc(0), Buffer.alloc(300, 65)];
    const bundle = encodeEntryBundle(entries);
    expect([...bundle.subarray(0, 2)]).toEqual([0, 7]);
    expect(decodeEntryBundle(bundle).map((e) => Buffer.from(e).toString())).toEqual(entries.map((e) => e.toString()));
    expect(() => decodeEntryBundle(bundle.subarray(0, bundle.length - 1))).toThrow(/ends inside an entry/);
    expect(() => encodeEntryBundle([Buffer.alloc(70_000)])).toThrow(/does not fit/);
  });
});
