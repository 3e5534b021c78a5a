/**
 * RFC 9162 §2.1 Merkle tree hashing, proofs and proof verification. Dependency-free (node:crypto only) so that the
 * offline verifier shipped in export bundles is built from this same file.
 */
import * as crypto from 'node:crypto';

const { createHash } = crypto;

/** A SHA-256 hash. */
export type Hash = Uint8Array;

/** SHA-256 of the empty string: the root of the empty tree. */
export const emptyRoot: Hash = new Uint8Array(createHash('sha256').digest());

/**
 * One-shot SHA-256 (Node ≥ 20.12), read from the namespace so that Node 18 still loads this file: a million small
 * hashes cost a third less than through createHash's object and three updates.
 */
const oneShot = (crypto as { hash?: (algorithm: string, data: Uint8Array, encoding: 'buffer') => Uint8Array }).hash;

/** SHA-256 of bytes. */
export function sha256(data: Uint8Array): Hash {
  const digest = oneShot ? oneShot('sha256', data, 'buffer') : createHash('sha256').update(data).digest();
  // A plain Uint8Array view (not a Buffer), as every hash here is.
  return new Uint8Array(digest.buffer, digest.byteOffset, digest.byteLength);
}

/** Leaf hash: SHA-256(0x00 || entry). */
export function hashLeaf(entry: Uint8Array): Hash {
  const prefixed = new Uint8Array(entry.length + 1);
  prefixed.set(entry, 1);
  return sha256(prefixed);
}

const children = new Uint8Array(65);

/** Interior node hash: SHA-256(0x01 || left || right). */
export function hashChildren(left: Hash, right: Hash): Hash {
  if (left.length !== 32 || right.length !== 32) return new Uint8Array(createHash('sha256').update(Uint8Array.of(1)).update(left).update(right).digest());
  children[0] = 1;
  children.set(left, 1);
  children.set(right, 33);
  return sha256(children);
}

/** Equality of two hashes. */
export function sameHash(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/** Where complete subtrees can be read: `node(level, index)` is the hash of leaves [index·2^level, (index+1)·2^level). */
export interface NodeSource {
  node(level: number, index: number): Hash;
}

/** Largest power of two strictly less than n (n ≥ 2), as RFC 9162 splits trees. */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Memo of hashes of incomplete ranges, shared by many proofs of one tree size (there are only O(log n) of them). */
export type RangeCache = Map<string, Hash>;

/** MTH of leaves [begin, end), where begin is a multiple of the largest power of two ≤ end − begin (true in every recursion here). */
export function rangeHash(source: NodeSource, begin: number, end: number, cache?: RangeCache): Hash {
  const size = end - begin;
  if (size === 0) return emptyRoot;
  if (cache && (size & (size - 1)) !== 0) {
    const key = `${begin}:${end}`;
    let hash = cache.get(key);
    if (!hash) {
      hash = rangeHash(source, begin, end);
      cache.set(key, hash);
    }
    return hash;
  }
  // A complete, aligned subtree is one stored node: the common case in proofs, so no search for it.
  if ((size & (size - 1)) === 0 && begin % size === 0) return source.node(Math.log2(size), begin / size);
  // Complete subtrees of the range, largest first; combine right to left as RFC 9162 does for unbalanced right edges.
  const pieces: Hash[] = [];
  let at = begin;
  for (let level = Math.floor(Math.log2(size)); level >= 0; level -= 1) {
    const width = 2 ** level;
    if (at + width <= end && at % width === 0) {
      pieces.push(source.node(level, at / width));
      at += width;
    }
  }
  let hash = pieces[pieces.length - 1]!;
  for (let i = pieces.length - 2; i >= 0; i -= 1) hash = hashChildren(pieces[i]!, hash);
  return hash;
}

/** The root of the first `size` leaves. */
export function treeRoot(source: NodeSource, size: number): Hash {
  return rangeHash(source, 0, size);
}

/** RFC 9162 §2.1.3.1 PATH(m, D[n]) for leaf `index` in a tree of `size` leaves, leaf's sibling first. */
export function inclusionProof(source: NodeSource, index: number, size: number, cache?: RangeCache): Hash[] {
  if (index < 0 || index >= size) throw new RangeError(`leaf ${index} is not in a tree of ${size}`);
  const path: Hash[] = [];
  let begin = 0;
  let end = size;
  let m = index;
  while (end - begin > 1) {
    const k = split(end - begin);
    if (m < k) {
      path.push(rangeHash(source, begin + k, end, cache));
      end = begin + k;
    } else {
      path.push(rangeHash(source, begin, begin + k, cache));
      begin += k;
      m -= k;
    }
  }
  return path.reverse();
}

/** RFC 9162 §2.1.4.1 PROOF(m, D[n]): consistency of the first `size1` leaves with the first `size2`. */
export function consistencyProof(source: NodeSource, size1: number, size2: number): Hash[] {
  if (size1 < 0 || size1 > size2) throw new RangeError(`no consistency proof from ${size1} to ${size2}`);
  if (size1 === 0 || size1 === size2) return [];
  const proof: Hash[] = [];
  const subproof = (m: number, begin: number, end: number, whole: boolean): void => {
    const n = end - begin;
    if (m === n) {
      if (!whole) proof.push(rangeHash(source, begin, end));
      return;
    }
    const k = split(n);
    if (m <= k) {
      subproof(m, begin, begin + k, whole);
      proof.push(rangeHash(source, begin + k, end));
    } else {
      subproof(m - k, begin + k, end, false);
      proof.push(rangeHash(source, begin, begin + k));
    }
  };
  subproof(size1, 0, size2, true);
  return proof;
}

/** Why a proof failed; null when it verified. */
export type ProofFailure = string | null;

function checkHashes(...hashes: Uint8Array[]): ProofFailure {
  return hashes.every((h) => h.length === 32) ? null : 'a hash is not 32 bytes long';
}

/** RFC 9162 §2.1.3.2: verifies that `leafHash` is leaf `index` of the tree of `size` leaves with root `root`. */
export function verifyInclusion(index: number, size: number, leafHash: Hash, proof: readonly Hash[], root: Hash): ProofFailure {
  const bad = checkHashes(leafHash, root, ...proof);
  if (bad) return bad;
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) {
    return `leaf index ${index} is outside a tree of ${size}`;
  }
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return 'the proof is longer than the tree is deep';
    if (fn % 2 === 1 || fn === sn) {
      r = hashChildren(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) return 'the proof is shorter than the tree is deep';
  return sameHash(r, root) ? null : 'the proof does not lead to the root';
}

/** RFC 9162 §2.1.4.2: verifies that the tree (size1, root1) is a prefix of the tree (size2, root2). */
export function verifyConsistency(size1: number, size2: number, proof: readonly Hash[], root1: Hash, root2: Hash): ProofFailure {
  const bad = checkHashes(root1, root2, ...proof);
  if (bad) return bad;
  if (!Number.isSafeInteger(size1) || !Number.isSafeInteger(size2) || size1 < 0 || size2 < size1) {
    return `sizes ${size1} → ${size2} cannot be consistent`;
  }
  if (size1 === size2) {
    if (proof.length !== 0) return 'equal sizes need an empty proof';
    return sameHash(root1, root2) ? null : 'equal sizes but different roots';
  }
  if (size1 === 0) return proof.length === 0 ? null : 'a proof from the empty tree must be empty';
  if (proof.length === 0) return 'the proof is empty';
  let path = [...proof];
  if (isPowerOfTwo(size1)) path = [root1, ...path];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return 'the proof is too long';
    if (fn % 2 === 1 || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) return 'the proof is too short';
  if (!sameHash(fr, root1)) return 'the proof does not match the earlier root';
  if (!sameHash(sr, root2)) return 'the proof does not match the later root';
  return null;
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0;
}

/** An in-memory tree that keeps every complete subtree: for verifiers and tests. Appends are amortised O(1). */
export class MemoryTree implements NodeSource {
  private readonly levels: Hash[][] = [[]];

  /** Number of leaves. */
  get size(): number {
    return this.levels[0]!.length;
  }

  /** Appends a leaf hash, completing every subtree it closes. */
  appendLeafHash(leaf: Hash): void {
    let level = 0;
    let hash = leaf;
    for (;;) {
      const row = (this.levels[level] ??= []);
      row.push(hash);
      const index = row.length - 1;
      if (index % 2 === 0) return;
      hash = hashChildren(row[index - 1]!, hash);
      level += 1;
    }
  }

  node(level: number, index: number): Hash {
    const hash = this.levels[level]?.[index];
    if (!hash) throw new RangeError(`no complete subtree at level ${level}, index ${index}`);
    return hash;
  }

  /** The root of the first `size` leaves (default: all). */
  root(size = this.size): Hash {
    return treeRoot(this, size);
  }
}
